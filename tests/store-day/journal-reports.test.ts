/** The electronic journal (a hash chain that shows an edit or a gap) and the X and Z reports summed from it. */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DayReport, JournalVerification, LaneSnapshot } from '@selfserve/shared';
import { CHIPS, COLA, MILK, WATER } from '../helpers/catalog.js';
import { nextSnapshot, startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';
import { createStaff, managerFetch, signIn } from '../helpers/staff.js';
import { journalCli } from '../../hub/src/journal-cli.js';

let t: TestHub;
afterEach(() => t?.close());

const key = () => randomUUID();
const data = <T>(ack: { ok: boolean; data?: T; error?: unknown }): T => {
  if (!ack.ok) throw new Error(`refused: ${JSON.stringify(ack.error)}`);
  return ack.data as T;
};

async function sell(kiosk: Client, codes: string[]): Promise<LaneSnapshot> {
  for (const code of codes) data(await kiosk.emitWithAck('lane:scan', { key: key(), code }));
  const done = nextSnapshot(kiosk, (s) => s.status === 'finished', 10_000);
  data(await kiosk.emitWithAck('lane:pay', { key: key() }));
  const paid = await done;
  await nextSnapshot(kiosk, (s) => s.status === 'idle', 10_000);
  return paid;
}

/** A day at lane 1: two sales, a void, a cancelled basket, a price override, the lane closed and opened, a refund. */
async function day() {
  t = await startTestHub({ terminal: true, backOfficePrinter: true, config: { checkout: { thankYouSeconds: 0.1 }, interventions: { voidAfterItems: 0 } } });
  const kiosk = await t.client(TOKENS.kiosk1);
  const station = await t.client(TOKENS.station);
  const manager = await signIn(station, await createStaff(t, 'manager'));
  const first = await sell(kiosk, [MILK, COLA, WATER]);
  data(await kiosk.emitWithAck('lane:scan', { key: key(), code: CHIPS }));
  data(await kiosk.emitWithAck('lane:scan', { key: key(), code: MILK }));
  data(await station.emitWithAck('staff:voidLine', { key: key(), laneId: 'lane-1', lineId: 'L1' }));
  data(await station.emitWithAck('staff:overridePrice', { key: key(), laneId: 'lane-1', lineId: 'L2', price: 1000, reason: 'dented' }));
  const second = nextSnapshot(kiosk, (s) => s.status === 'finished', 10_000);
  data(await kiosk.emitWithAck('lane:pay', { key: key() }));
  await second;
  await nextSnapshot(kiosk, (s) => s.status === 'idle', 10_000);
  data(await kiosk.emitWithAck('lane:scan', { key: key(), code: COLA }));
  data(await kiosk.emitWithAck('lane:cancel', { key: key() }));
  data(await station.emitWithAck('staff:closeLane', { key: key(), laneId: 'lane-1' }));
  data(await station.emitWithAck('staff:openLane', { key: key(), laneId: 'lane-1' }));
  data(await station.emitWithAck('returns:refund', { key: key(), saleId: first.receipt!.saleId, lines: [{ lineId: 'L1', quantity: 1 }], method: 'cash' }));
  await t.hub.journal.seal();
  return { kiosk, station, manager, first };
}

describe('the electronic journal', () => {
  it('keeps every sale, void, override, cancelled basket, lane closing and opening and refund, numbered, in a chain that verifies', async () => {
    await day();
    const rows = await t.db.all<{ seq: number; type: string; lane_id: string }>('SELECT seq, type, lane_id FROM journal ORDER BY seq');
    expect(rows.map((r) => r.type)).toEqual(['sale', 'void', 'price-override', 'sale', 'basket-cancelled', 'lane-closed', 'lane-opened', 'refund']);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await t.hub.journal.verify()).toEqual({ ok: true, records: 8, lastSeq: 8, broken: null });
  });

  it('verification fails after a record is edited in the database, naming the record', async () => {
    await day();
    await t.db.run("UPDATE journal SET data = replace(data, '\"total\":', '\"total\":1') WHERE seq = 4");
    const result = await t.hub.journal.verify();
    expect(result).toMatchObject({ ok: false, records: 3, broken: { seq: 4, reason: 'record 4 was changed after it was written' } });
    // The command line reads the file on its own and says the same.
    const lines: string[] = [];
    const code = await journalCli(['verify', '--db', `${t.dir}/hub.sqlite`], { log: (l) => lines.push(l), error: (l) => lines.push(l) });
    expect(code).toBe(1);
    expect(lines.join('\n')).toContain('BROKEN at record 4');
  });

  it('records cannot be deleted, and a gap made by force is found', async () => {
    await day();
    await expect(t.db.run('DELETE FROM journal WHERE seq = 2')).rejects.toThrow(/append-only/);
    await t.db.run('DROP TRIGGER journal_no_delete');
    await t.db.run('DELETE FROM journal WHERE seq = 2');
    expect(await t.hub.journal.verify()).toMatchObject({ ok: false, broken: { seq: 3, reason: 'record 2 is missing' } });
  });

  it('is exported for a date range as CSV and JSON by a manager', async () => {
    const { manager } = await day();
    const call = managerFetch(t, manager, TOKENS.station);
    const today = new Date().toISOString().slice(0, 10);
    const json = await call(`/api/manager/journal?from=2020-01-01&to=2099-12-31`);
    expect(json.status).toBe(200);
    expect((json.json as unknown as { records: unknown[] }).records).toHaveLength(8);
    const verify = await call('/api/manager/journal/verify');
    expect(verify.json).toMatchObject({ ok: true, data: { ok: true, records: 8 } });
    const csv = await fetch(`${t.url}/api/manager/journal?from=${today}&to=${today}&format=csv`, { headers: { authorization: `Bearer ${TOKENS.station}`, 'x-staff-session': manager.session, 'x-csrf-token': manager.csrf } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await csv.text()).split('\r\n')[0]).toBe('seq,at,type,laneId,staffId,data,prevHash,hash');
  });
});

describe('X and Z reports', () => {
  it("a Z report's totals equal the sum of the day's journal, and a second Z that day is refused", async () => {
    const { station } = await day();
    const x = data<DayReport>(await station.emitWithAck('reports:x', {}));
    const z = data<DayReport>(await station.emitWithAck('reports:z', { key: key() }));
    const journal = await t.db.all<{ type: string; data: string }>("SELECT type, data FROM journal WHERE type IN ('sale', 'refund')");
    const sum = (type: string, pick: (d: Record<string, any>) => number) => journal.filter((r) => r.type === type).reduce((s, r) => s + pick(JSON.parse(r.data)), 0);
    expect(z.sales.amount).toBe(sum('sale', (d) => d.totals.total));
    expect(z.sales.count).toBe(2);
    expect(z.refunds).toMatchObject({ count: 1, amount: sum('refund', (d) => d.amount), byMethod: { cash: { count: 1 } } });
    expect(z).toMatchObject({ kind: 'Z', number: 1, laneId: null, voids: { count: 1 }, cancelled: { count: 1 }, overrides: { count: 1 }, lanes: { opened: 1, closed: 1 }, deposits: { charged: 100 } });
    expect(z.sales.byVat.reduce((s, v) => s + v.gross, 0)).toBe(z.sales.amount);
    expect(z.net.card - (x.net.card)).toBe(0);
    // The terminal's totals agree with ours.
    expect(z.terminals).toMatchObject([{ laneId: 'lane-1', difference: 0, error: null }]);
    expect(await station.emitWithAck('reports:z', { key: key() })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    // After the Z, an X starts from nothing; the Z sits in the list and in the journal.
    expect(data<DayReport>(await station.emitWithAck('reports:x', {})).sales.count).toBe(0);
    expect(data<{ reports: unknown[] }>(await station.emitWithAck('reports:list', {})).reports).toMatchObject([{ number: 1, laneId: null }]);
    expect((await t.hub.journal.verify()).ok).toBe(true);
    // Printed at the back office, with the cash refund's slip before it.
    await expect.poll(() => t.officePrinter!.receipts.map((r) => r.text).join('\n')).toContain('Z-RAPPORT NR. 1');
    expect(t.officePrinter!.receipts.map((r) => r.text).join('\n')).toContain('RETURBON');
  });

  it("a card payment the hub never knew about shows as a difference beside the terminal's totals", async () => {
    const { station } = await day();
    t.terminal!.addOfflineTransaction(12.5);
    const z = data<DayReport>(await station.emitWithAck('reports:z', { key: key() }));
    expect(z.terminals[0]).toMatchObject({ laneId: 'lane-1', difference: 1250 });
  });

  it('a lane has a Z of its own, and only a manager closes the day', async () => {
    const { station } = await day();
    const lane = data<DayReport>(await station.emitWithAck('reports:z', { key: key(), laneId: 'lane-1' }));
    expect(lane).toMatchObject({ number: 1, laneId: 'lane-1', sales: { count: 2 } });
    const supervisor = await t.client(TOKENS.station);
    await signIn(supervisor, await createStaff(t, 'supervisor'));
    expect(await supervisor.emitWithAck('reports:z', { key: key() })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(data<DayReport>(await supervisor.emitWithAck('reports:x', {})).sales.count).toBe(2);
  });
});
