import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../hub/src/storage/db.js';
import { AuditService, StaffService, toCsv, verifyPin, type AuditRow } from '../../hub/src/services/staff/index.js';
import { createManager } from '../../hub/src/staff-cli.js';

let dir: string;
let db: Database;
let now: Date;
let sleeps: number[];
const clock = { now: () => now };
const later = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));

function service(over: { maxFailures?: number; lockoutSeconds?: number } = {}) {
  return new StaffService({ db, clock, maxFailures: 5, lockoutSeconds: 900, sleep: async (ms) => void sleeps.push(ms), ...over });
}

const wrong = (pin: string) => (pin === '0000' ? '9999' : '0000');

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'selfserve-staff-'));
  db = await Database.open(join(dir, 'hub.sqlite'));
  now = new Date('2025-03-01T08:00:00.000Z');
  sleeps = [];
});

afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const signIns = (rows: AuditRow[]) => rows.filter((r) => r.action === 'sign-in').reverse();

describe('staff PINs', () => {
  it('a PIN is stored only as a salted scrypt hash, and that hash verifies it', async () => {
    const { staff, pin } = await service().create({ number: '1001', name: 'Anna Berg', role: 'manager' });
    expect(pin).toMatch(/^\d{6}$/);
    const row = await db.get<{ pin_hash: string }>('SELECT pin_hash FROM staff WHERE id = ?', [staff.id]);
    expect(row!.pin_hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(row!.pin_hash).not.toContain(pin);
    expect(await verifyPin(pin, row!.pin_hash)).toBe(true);
    expect(await verifyPin(wrong(pin), row!.pin_hash)).toBe(false);
    expect(JSON.stringify(await service().list())).not.toContain('scrypt');
  });

  it('a right PIN signs in by number, and by badge', async () => {
    const staff = service();
    const { pin } = await staff.create({ number: '1001', name: 'Anna Berg', role: 'supervisor', badge: 'B-77' });
    expect(await staff.authenticate({ number: '1001', pin, deviceId: 'k1' })).toMatchObject({ ok: true, staff: { name: 'Anna Berg', role: 'supervisor' } });
    expect(await staff.authenticate({ badge: 'B-77', pin, deviceId: 'k1' })).toMatchObject({ ok: true });
  });

  it('a wrong PIN and an unknown staff number get the same answer', async () => {
    const staff = service();
    const { pin } = await staff.create({ number: '1001', name: 'Anna Berg', role: 'attendant' });
    const wrongPin = await staff.authenticate({ number: '1001', pin: wrong(pin), deviceId: 'k1' });
    const unknown = await staff.authenticate({ number: '4242', pin, deviceId: 'k2' });
    expect(wrongPin).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual(wrongPin);
  });

  it('a deactivated staff member is refused like an unknown one', async () => {
    const staff = service();
    const { staff: anna, pin } = await staff.create({ number: '1001', name: 'Anna Berg', role: 'attendant' });
    await staff.setActive(anna.id, false);
    expect(await staff.authenticate({ number: '1001', pin, deviceId: 'k1' })).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('lockout', () => {
  it('five wrong PINs lock the staff member for the configured time, and then even the right PIN is refused as locked', async () => {
    const staff = service({ lockoutSeconds: 600 });
    const { pin } = await staff.create({ number: '1001', name: 'Anna Berg', role: 'attendant' });
    for (let i = 0; i < 5; i++) expect(await staff.authenticate({ number: '1001', pin: wrong(pin), deviceId: `k${i}` })).toEqual({ ok: false, reason: 'invalid' });
    expect(await staff.authenticate({ number: '1001', pin, deviceId: 'k9' })).toEqual({ ok: false, reason: 'locked' });
    expect(await staff.authenticate({ number: '1001', pin: wrong(pin), deviceId: 'k9' })).toEqual({ ok: false, reason: 'locked' });
    later(599);
    expect(await staff.authenticate({ number: '1001', pin, deviceId: 'k9' })).toEqual({ ok: false, reason: 'locked' });
  });

  it('after the lockout the right PIN works again and the count of wrong PINs starts over', async () => {
    const staff = service({ lockoutSeconds: 600 });
    const { pin } = await staff.create({ number: '1001', name: 'Anna Berg', role: 'attendant' });
    for (let i = 0; i < 5; i++) await staff.authenticate({ number: '1001', pin: wrong(pin), deviceId: `k${i}` });
    later(600);
    expect(await staff.authenticate({ number: '1001', pin, deviceId: 'k9' })).toMatchObject({ ok: true });
    expect(await db.get('SELECT failed_attempts AS f, locked_until AS l FROM staff')).toEqual({ f: 0, l: null });
    for (let i = 0; i < 4; i++) await staff.authenticate({ number: '1001', pin: wrong(pin), deviceId: `k${i}` });
    expect(await staff.authenticate({ number: '1001', pin, deviceId: 'k9' })).toMatchObject({ ok: true });
  });

  it('a success resets the count, so wrong PINs must come in a row to lock', async () => {
    const staff = service();
    const { pin } = await staff.create({ number: '1001', name: 'Anna Berg', role: 'attendant' });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) await staff.authenticate({ number: '1001', pin: wrong(pin), deviceId: `k${i}` });
      expect(await staff.authenticate({ number: '1001', pin, deviceId: 'k9' })).toMatchObject({ ok: true });
    }
  });
});

describe('a guessing device', () => {
  it('is slowed after three wrong PINs within ten minutes: 1, 2, 4, then at most 8 seconds', async () => {
    const staff = service({ maxFailures: 100 });
    const { pin } = await staff.create({ number: '1001', name: 'Anna Berg', role: 'attendant' });
    for (let i = 0; i < 7; i++) await staff.authenticate({ number: i % 2 ? '1001' : '5555', pin: wrong(pin), deviceId: 'k1' });
    expect(sleeps).toEqual([1000, 2000, 4000, 8000, 8000]);
    await staff.authenticate({ number: '1001', pin: wrong(pin), deviceId: 'k2' });
    expect(sleeps).toHaveLength(5);
  });

  it('is forgiven ten minutes after its wrong PINs, and after a right one', async () => {
    const staff = service({ maxFailures: 100 });
    const { pin } = await staff.create({ number: '1001', name: 'Anna Berg', role: 'attendant' });
    for (let i = 0; i < 3; i++) await staff.authenticate({ number: '1001', pin: wrong(pin), deviceId: 'k1' });
    expect(sleeps).toEqual([1000]);
    later(600);
    await staff.authenticate({ number: '1001', pin: wrong(pin), deviceId: 'k1' });
    expect(sleeps).toEqual([1000]);
    for (let i = 0; i < 2; i++) await staff.authenticate({ number: '1001', pin: wrong(pin), deviceId: 'k1' });
    await staff.authenticate({ number: '1001', pin, deviceId: 'k1' });
    expect(sleeps).toEqual([1000, 1000, 1000]);
    await staff.authenticate({ number: '1001', pin: wrong(pin), deviceId: 'k1' });
    expect(sleeps).toHaveLength(3);
  });
});

describe('audit log', () => {
  it('every sign-in attempt is in the audit log with its outcome, method and device', async () => {
    const staff = service({ maxFailures: 2 });
    const audit = new AuditService({ db, clock });
    const { staff: anna, pin } = await staff.create({ number: '1001', name: 'Anna Berg', role: 'attendant', badge: 'B-77' });
    await staff.authenticate({ number: '1001', pin, deviceId: 'k1' });
    await staff.authenticate({ number: '9999', pin, deviceId: 'k2' });
    await staff.authenticate({ badge: 'B-77', pin: wrong(pin), deviceId: 'k1' });
    await staff.authenticate({ number: '1001', pin: wrong(pin), deviceId: 'k1' });
    await staff.authenticate({ number: '1001', pin, deviceId: 'k3' });
    const rows = signIns(await audit.query({ limit: 100 }));
    expect(rows.map((r) => [r.actor, r.method, r.deviceId, r.outcome])).toEqual([
      [anna.id, 'pin', 'k1', 'ok'],
      [null, 'pin', 'k2', 'invalid'],
      [anna.id, 'badge+pin', 'k1', 'invalid'],
      [anna.id, 'pin', 'k1', 'invalid'],
      [anna.id, 'pin', 'k3', 'locked'],
    ]);
    expect(JSON.stringify(rows)).not.toContain(pin);
  });

  it('the audit log refuses UPDATE and DELETE', async () => {
    const audit = new AuditService({ db, clock });
    await audit.record({ actor: null, action: 'test', outcome: 'ok' });
    await expect(db.run("UPDATE audit_log SET outcome = 'changed'")).rejects.toThrow(/append-only/);
    await expect(db.run('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(db.write([{ sql: 'DELETE FROM audit_log', params: [] }])).rejects.toThrow(/append-only/);
    expect(await audit.query({ limit: 10 })).toMatchObject([{ action: 'test', outcome: 'ok' }]);
  });

  it('the audit log is filtered by time, actor, action and lane, newest first', async () => {
    const audit = new AuditService({ db, clock });
    await audit.record({ actor: 's1', action: 'void-line', laneId: 'lane-1', outcome: 'ok' });
    later(60);
    await audit.record({ actor: 's2', action: 'void-line', laneId: 'lane-2', outcome: 'ok' });
    later(60);
    await audit.record({ actor: 's1', action: 'approve-age', laneId: 'lane-1', outcome: 'ok' });
    expect((await audit.query({ actor: 's1', limit: 10 })).map((r) => r.action)).toEqual(['approve-age', 'void-line']);
    expect((await audit.query({ laneId: 'lane-2', limit: 10 })).map((r) => r.actor)).toEqual(['s2']);
    expect((await audit.query({ from: '2025-03-01T08:01:00.000Z', to: '2025-03-01T08:02:00.000Z', limit: 10 })).map((r) => r.actor)).toEqual(['s2']);
    expect(await audit.query({ limit: 1 })).toHaveLength(1);
  });

  it('the CSV export quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    const row: AuditRow = { id: 1, at: '2025-03-01T08:00:00.000Z', actor: 's1', action: 'note', laneId: null, deviceId: 'k1', method: 'pin', outcome: 'ok', detail: '{"text":"milk, \\"organic\\""}' };
    const csv = toCsv([row, { ...row, id: 2, detail: 'two\r\nlines' }]);
    expect(csv).toBe(
      'id,at,actor,action,laneId,deviceId,method,outcome,detail\r\n' +
        '1,2025-03-01T08:00:00.000Z,s1,note,,k1,pin,ok,"{""text"":""milk, \\""organic\\""""}"\r\n' +
        '2,2025-03-01T08:00:00.000Z,s1,note,,k1,pin,ok,"two\r\nlines"\r\n',
    );
  });
});

describe('the staff command line', () => {
  it('creates the first manager with a one-time PIN, audited as done from the command line', async () => {
    const result = await createManager(db, { number: '1001', name: 'Anna Berg' }, clock);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.staff.role).toBe('manager');
    expect(await service().authenticate({ number: '1001', pin: result.pin, deviceId: 'k1' })).toMatchObject({ ok: true });
    const audit = await new AuditService({ db, clock }).query({ action: 'staff-created', limit: 10 });
    expect(audit).toMatchObject([{ actor: null, method: 'cli', outcome: 'ok' }]);
  });

  it('refuses a second manager without --force, and creates one with it', async () => {
    await createManager(db, { number: '1001', name: 'Anna Berg' }, clock);
    expect(await createManager(db, { number: '1002', name: 'Bo Lund' }, clock)).toMatchObject({ ok: false, error: { code: 'manager-exists' } });
    expect(await createManager(db, { number: '1002', name: 'Bo Lund', force: true }, clock)).toMatchObject({ ok: true });
    expect(await createManager(db, { number: '1002', name: 'Bo Again', force: true }, clock)).toMatchObject({ ok: false, error: { code: 'duplicate' } });
  });
});
