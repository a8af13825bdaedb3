import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database, type Param } from '../../hub/src/storage/db.js';
import { LATEST_SCHEMA } from '../../hub/src/storage/migrations.js';
import { lanesRepository } from '../../hub/src/storage/lanes.repository.js';
import { salesRepository } from '../../hub/src/storage/sales.repository.js';
import { staffRepository } from '../../hub/src/storage/staff.repository.js';
import { printJobsRepository } from '../../hub/src/storage/print-jobs.repository.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const dbFile = () => {
  const d = mkdtempSync(join(tmpdir(), 'selfserve-migrate-'));
  dirs.push(d);
  return join(d, 'hub.sqlite');
};

const AT = '2025-03-01T10:00:00.000Z';
const product = { id: 'p-milk', name: { da: 'Mælk' }, price: 1295, vatRate: 2500, unit: 'piece', codes: ['5700000000014'] };
const basket = { laneId: 'lane-1', version: 7, status: 'paying', lines: [], totals: { currency: 'DKK', total: 1295 } };

/** Rows as a store would have them at each schema version: `since` is the version that made the table (or column). */
const FIXTURES: Array<{ since: number; table: string; row: Record<string, Param> }> = [
  { since: 1, table: 'products', row: { id: 'p-milk', data: JSON.stringify(product) } },
  { since: 1, table: 'product_codes', row: { code: '5700000000014', product_id: 'p-milk' } },
  { since: 1, table: 'promotions', row: { id: 'c-1', data: '{"id":"c-1","kind":"multibuy"}' } },
  { since: 1, table: 'members', row: { id: 'm1', card_number: 'LOY10000001', data: '{"id":"m1"}' } },
  { since: 1, table: 'catalog_meta', row: { key: 'version', value: '42' } },
  { since: 1, table: 'lanes', row: { id: 'lane-1', name: 'Lane 1', status: 'paying', version: 7, visit_id: 'v1', interventions: '[]', updated_at: AT } },
  { since: 1, table: 'lanes', row: { id: 'lane-2', name: 'Lane 2', status: 'idle', version: 0, visit_id: null, interventions: '[]', updated_at: AT } },
  { since: 1, table: 'visits', row: { id: 'v0', lane_id: 'lane-1', status: 'completed', started_at: '2025-03-01T09:00:00.000Z', ended_at: '2025-03-01T09:05:00.000Z', member: null, coupons: '[]' } },
  { since: 1, table: 'visits', row: { id: 'v1', lane_id: 'lane-1', status: 'open', started_at: AT, ended_at: null, member: '{"id":"m1","cardNumber":"LOY10000001"}', coupons: '["CPN1"]' } },
  { since: 1, table: 'visit_lines', row: { visit_id: 'v1', line_id: 'l1', seq: 1, product: JSON.stringify(product), code: '5700000000014', quantity: 2, weight_grams: null, label_price: null, source: 'scanner', added_at: AT, removed_at: null } },
  { since: 1, table: 'visit_lines', row: { visit_id: 'v1', line_id: 'l2', seq: 2, product: JSON.stringify(product), code: '5700000000014', quantity: 1, weight_grams: 450, label_price: 899, source: null, added_at: AT, removed_at: AT } },
  { since: 1, table: 'idempotency', row: { lane_id: 'lane-1', key: 'k1', fingerprint: 'f', ack: '{"ok":true,"data":{}}', created_at: AT } },
  { since: 1, table: 'devices', row: { id: 'k1', kind: 'kiosk', lane_id: 'lane-1', name: 'Kiosk 1', token_hash: 'hash-k1', created_at: AT } },
  { since: 2, table: 'sales', row: { id: 's0', number: 1, lane_id: 'lane-1', visit_id: 'v0', status: 'paid', total: 1295, currency: 'DKK', basket: JSON.stringify(basket), created_at: AT, paid_at: AT } },
  { since: 2, table: 'sales', row: { id: 's1', number: 2, lane_id: 'lane-1', visit_id: 'v1', status: 'pending', total: 2590, currency: 'DKK', basket: JSON.stringify(basket), created_at: AT, paid_at: null } },
  { since: 2, table: 'payments', row: { service_id: 'svc-0', sale_id: 's0', amount: 1295, currency: 'DKK', state: 'approved', result: '{"brand":"visa"}', created_at: AT, updated_at: AT } },
  { since: 2, table: 'payments', row: { service_id: 'svc-1', sale_id: 's1', amount: 2590, currency: 'DKK', state: 'unknown', result: null, created_at: AT, updated_at: AT } },
  { since: 3, table: 'print_jobs', row: { lane_id: 'lane-1', sale_id: 's0', document: '{"lines":[]}', state: 'queued', attempts: 2, last_error: 'paper-out', created_at: AT, printed_at: null } },
  { since: 4, table: 'staff', row: { id: 'st1', number: '9001', badge: 'M9001', name: 'Manager', role: 'manager', pin_hash: 'scrypt$x', failed_attempts: 1, locked_until: null, active: 1, created_at: AT } },
  { since: 4, table: 'audit_log', row: { at: AT, actor: 'st1', action: 'staff.create', lane_id: null, device_id: null, method: 'cli', outcome: 'ok', detail: '{}' } },
  { since: 5, table: 'interventions', row: { id: 'i1', lane_id: 'lane-1', visit_id: 'v1', reason: 'age-check', state: 'open', data: '{}', requested_by: null, requested_device: 'k1', opened_at: AT, claimed_by: null, claimed_at: null, resolved_by: null, resolved_at: null, outcome: null, method: null } },
  { since: 5, table: 'pairing_codes', row: { code_hash: 'code-hash', device_id: 'k1', expires_at: AT, used_at: null } },
  { since: 6, table: 'outbox', row: { id: 'e1', type: 'sale.completed.v1', event: '{"id":"e1"}', created_at: AT, delivered_at: null } },
];

/** A database as the release with schema `version` left it, holding the rows that version could hold. */
async function databaseAt(file: string, version: number): Promise<typeof FIXTURES> {
  const db = await Database.open(file, { schemaVersion: version });
  const rows = FIXTURES.filter((f) => f.since <= version);
  await db.tx(async (tx) => {
    for (const { table, row } of rows) {
      const columns = Object.keys(row);
      await tx.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, Object.values(row));
    }
  });
  expect(await db.schemaVersion()).toBe(version);
  await db.close();
  return rows;
}

const versions = Array.from({ length: LATEST_SCHEMA - 1 }, (_, i) => i + 1);

describe('schema migrations go forward from every earlier version and keep every row', () => {
  it.each(versions)('a database at schema version %i, opened by this code, is at the latest version with every row still there and readable', async (version) => {
    const file = dbFile();
    const rows = await databaseAt(file, version);

    const db = await Database.open(file);
    try {
      expect(await db.schemaVersion()).toBe(LATEST_SCHEMA);
      expect((await db.all<{ integrity_check: string }>('PRAGMA integrity_check'))[0]?.integrity_check).toBe('ok');
      for (const table of new Set(rows.map((r) => r.table))) {
        const expected = rows.filter((r) => r.table === table).map((r) => r.row);
        const columns = Object.keys(expected[0]!);
        const stored = await db.all<Record<string, Param>>(`SELECT ${columns.join(', ')} FROM ${table}`);
        expect(stored, table).toHaveLength(expected.length);
        expect(stored, table).toEqual(expect.arrayContaining(expected));
      }

      // …and the code of today reads them.
      await db.tx(async (tx) => {
        const lane = await lanesRepository.lane(tx, 'lane-1');
        expect(lane).toMatchObject({ status: 'paying', version: 7, visitId: 'v1', interventions: [], payment: null, receipt: null, printer: null });
        expect(await lanesRepository.visit(tx, 'v1')).toMatchObject({ member: { id: 'm1' }, coupons: ['CPN1'], approvedAge: null, ageChecks: [] });
        const lines = await lanesRepository.lines(tx, 'v1');
        expect(lines.map((l) => [l.lineId, l.quantity, l.priceOverride, l.product.id])).toEqual([['l1', 2, null, 'p-milk']]);
        if (version >= 2) {
          expect(await salesRepository.lastNumber(tx)).toBe(2);
          expect(await salesRepository.basket(tx, 's1')).toEqual(basket);
          expect(await salesRepository.lastPaidOfLane(tx, 'lane-1')).toBe('s0');
          expect(await salesRepository.openPayments(tx)).toEqual([{ serviceId: 'svc-1', saleId: 's1', laneId: 'lane-1', amount: 2590, currency: 'DKK', state: 'unknown' }]);
        }
        if (version >= 3) expect(await printJobsRepository.next(tx, 'lane-1')).toMatchObject({ saleId: 's0', attempts: 2 });
        if (version >= 4) expect(await staffRepository.byNumber(tx, '9001')).toMatchObject({ id: 'st1', role: 'manager', badge: 'M9001' });
      });
    } finally {
      await db.close();
    }
  });

  it('a database newer than the code is refused, and left as it was', async () => {
    const file = dbFile();
    const db = await Database.open(file);
    await db.exec(`PRAGMA user_version = ${LATEST_SCHEMA + 1}`);
    await db.close();
    await expect(Database.open(file)).rejects.toThrow(/newer than this code/);
    const again = await Database.open(file, { schemaVersion: LATEST_SCHEMA + 1 });
    expect(await again.schemaVersion()).toBe(LATEST_SCHEMA + 1);
    await again.close();
  });
});
