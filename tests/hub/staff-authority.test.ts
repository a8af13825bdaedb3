import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { ACTION_ROLE, mayDo, STAFF_ROLES, type StaffAction } from '@selfserve/shared';
import type { ConfigInput } from '../../hub/src/config.js';
import { MILK } from '../helpers/catalog.js';
import { startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';
import { createStaff, managerFetch, signIn } from '../helpers/staff.js';
import { pairStation } from '../../hub/src/staff-cli.js';

let t: TestHub;
afterEach(() => t?.close());

const start = async (config: Partial<ConfigInput> = {}) => {
  t = await startTestHub({ config });
  return t;
};
const key = () => randomUUID();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One staff event or manager route per action, as the station would send it. */
const PROBES: Record<StaffAction, (station: Client, call: ReturnType<typeof managerFetch>) => Promise<{ code: string | null }>> = {
  'lanes:watch': async (s) => code(await s.emitWithAck('staff:watch', {})),
  'intervention:claim': async (s) => code(await s.emitWithAck('staff:claim', { key: key(), laneId: 'lane-1', interventionId: 'none' })),
  'intervention:resolve': async (s) => code(await s.emitWithAck('staff:resolve', { key: key(), laneId: 'lane-1', interventionId: 'none', outcome: 'approve' })),
  'line:void': async (s) => code(await s.emitWithAck('staff:voidLine', { key: key(), laneId: 'lane-1', lineId: 'L99' })),
  // Below the role, an override is only a request: it is answered as pending, not refused.
  'line:overridePrice': async (s) => {
    const ack = await s.emitWithAck('staff:overridePrice', { key: key(), laneId: 'lane-2', lineId: 'L1', price: 100, reason: 'probe' });
    return { code: ack.ok ? (ack.data.pending ? 'unauthorized' : null) : ack.error.code };
  },
  'sale:cancel': async (s) => code(await s.emitWithAck('staff:cancelSale', { key: key(), laneId: 'lane-1' })),
  'receipt:reprint': async (s) => code(await s.emitWithAck('staff:reprint', { key: key(), laneId: 'lane-1' })),
  'lane:close': async (s) => code(await s.emitWithAck('staff:openLane', { key: key(), laneId: 'lane-1' })),
  'staff:manage': async (_s, call) => http(await call('/api/manager/staff')),
  'devices:manage': async (_s, call) => http(await call('/api/manager/devices')),
  'audit:read': async (_s, call) => http(await call('/api/manager/audit')),
  'order:counter': async (s) => code(await s.emitWithAck('orders:watch', {})),
  // Without a menu the hub answers that the store has none: past the role check.
  'menu:soldOut': async (s) => code(await s.emitWithAck('menu:setSoldOut', { target: 'item:none', soldOut: true })),
  'sale:refund': async (s) => code(await s.emitWithAck('returns:find', { code: 'no-such-sale' })),
  'reports:read': async (s) => code(await s.emitWithAck('reports:x', {})),
  // A lane that does not exist: past the role check, no Z is taken.
  'reports:close': async (s) => code(await s.emitWithAck('reports:z', { key: key(), laneId: 'no-such-lane' })),
};
const code = (ack: { ok: boolean; error?: { code: string } }) => ({ code: ack.ok ? null : ack.error!.code });
const http = (r: { json: { ok: boolean; error?: { code: string } } }) => ({ code: r.json.ok ? null : r.json.error!.code });

describe('the permission matrix, enforced by the hub', () => {
  it('every role × action pair is allowed or refused as the matrix says', async () => {
    await start();
    // Lane 2 has a line, so an override there reaches the role check rather than "no such line".
    const kiosk2 = await t.client(TOKENS.kiosk2);
    await kiosk2.emitWithAck('lane:scan', { key: key(), code: MILK });
    const results: string[] = [];
    for (const role of STAFF_ROLES) {
      const station = await t.client(TOKENS.station);
      const session = await signIn(station, await createStaff(t, role));
      const call = managerFetch(t, session, TOKENS.station);
      for (const action of Object.keys(ACTION_ROLE) as StaffAction[]) {
        const { code: got } = await PROBES[action](station, call);
        const refused = got === 'unauthorized';
        results.push(`${role} ${action}: ${refused ? 'refused' : 'allowed'}`);
        expect(refused, `${role} ${action} answered ${got}`).toBe(!mayDo(role, action));
      }
      station.disconnect();
    }
    expect(results).toContain('attendant staff:manage: refused');
    expect(results).toContain('manager audit:read: allowed');
  });

  it('a kiosk token emitting a staff event is refused; signed in at the kiosk, staff act on that lane only', async () => {
    await start();
    const kiosk = await t.client(TOKENS.kiosk1);
    expect(await kiosk.emitWithAck('staff:cancelSale', { key: key(), laneId: 'lane-1' })).toMatchObject({ ok: false, error: { code: 'signed-out' } });
    const supervisor = await createStaff(t, 'supervisor');
    await signIn(kiosk, supervisor);
    expect(await kiosk.emitWithAck('staff:closeLane', { key: key(), laneId: 'lane-2' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await kiosk.emitWithAck('staff:watch', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await kiosk.emitWithAck('staff:closeLane', { key: key(), laneId: 'lane-1' })).toMatchObject({ ok: true });
  });

  it('a customer display cannot sign staff in at all', async () => {
    await start();
    const cfd = await t.client(TOKENS.cfd1);
    const manager = await createStaff(t, 'manager');
    expect(await cfd.emitWithAck('staff:signIn', { number: manager.number, pin: manager.pin })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('a badge alone opens nothing unless the store allows it at the lane', async () => {
    await start();
    const kiosk = await t.client(TOKENS.kiosk1);
    const anna = await createStaff(t, 'attendant');
    expect(await kiosk.emitWithAck('staff:signIn', { badge: `STF${anna.badge}` })).toMatchObject({ ok: false, error: { code: 'sign-in-failed' } });
    await t.close();
    await start({ staff: { badgeOnlyAtLane: true } });
    const kiosk2 = await t.client(TOKENS.kiosk1);
    const station = await t.client(TOKENS.station);
    const bo = await createStaff(t, 'attendant');
    expect(await kiosk2.emitWithAck('staff:signIn', { badge: `STF${bo.badge}` })).toMatchObject({ ok: true, data: { method: 'badge' } });
    expect(await station.emitWithAck('staff:signIn', { badge: bo.badge })).toMatchObject({ ok: false, error: { code: 'sign-in-failed' } });
  });
});

describe('sign-in, lockout and idle', () => {
  it('wrong and unknown get the same answer; repeated wrong PINs lock the staff member until the lockout passes', async () => {
    await start({ staff: { maxFailures: 3, lockoutSeconds: 1, guessDelaySeconds: 0.01 } });
    const station = await t.client(TOKENS.station);
    const anna = await createStaff(t, 'attendant');
    const unknown = await station.emitWithAck('staff:signIn', { number: '99999', pin: '0000' });
    const wrong = await station.emitWithAck('staff:signIn', { number: anna.number, pin: '0000' });
    expect(unknown).toEqual(wrong);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'sign-in-failed' } });
    await station.emitWithAck('staff:signIn', { number: anna.number, pin: '0001' });
    await station.emitWithAck('staff:signIn', { number: anna.number, pin: '0002' });
    expect(await station.emitWithAck('staff:signIn', { number: anna.number, pin: anna.pin })).toMatchObject({ ok: false, error: { code: 'locked' } });
    // A number nobody has locks the same way, so a lock tells a guesser nothing.
    for (const pin of ['0000', '0001']) await station.emitWithAck('staff:signIn', { number: '99999', pin });
    expect(await station.emitWithAck('staff:signIn', { number: '99999', pin: '0003' })).toEqual(await station.emitWithAck('staff:signIn', { number: anna.number, pin: '0003' }));
    await sleep(1100);
    expect(await station.emitWithAck('staff:signIn', { number: anna.number, pin: anna.pin })).toMatchObject({ ok: true });
  }, 30_000);

  it('an idle station is signed out and told so', async () => {
    await start({ staff: { idleSignOutSeconds: 1 } });
    const station = await t.client(TOKENS.station);
    await signIn(station, await createStaff(t, 'attendant'));
    const told = new Promise((resolve) => station.once('staff:signedOut', resolve));
    expect(await told).toEqual({ reason: 'idle' });
    expect(await station.emitWithAck('staff:watch', {})).toMatchObject({ ok: false, error: { code: 'signed-out' } });
  });

  it('a signed-out station no longer receives the lanes\' baskets', async () => {
    await start();
    const station = await t.client(TOKENS.station);
    await signIn(station, await createStaff(t, 'attendant'));
    await station.emitWithAck('staff:watch', {});
    const kiosk = await t.client(TOKENS.kiosk1);
    const seen: number[] = [];
    station.on('lane:snapshot', (s) => seen.push(s.version));
    await kiosk.emitWithAck('lane:scan', { key: key(), code: MILK });
    await expect.poll(() => seen.length).toBe(1);
    await station.emitWithAck('staff:signOut', {});
    await kiosk.emitWithAck('lane:scan', { key: key(), code: MILK });
    await sleep(200);
    expect(seen).toHaveLength(1);
  });

  it('a session resumes after a reload on the same device only', async () => {
    await start();
    const station = await t.client(TOKENS.station);
    const { session } = await signIn(station, await createStaff(t, 'attendant'));
    station.disconnect();
    const reloaded = await t.client(TOKENS.station);
    expect(await reloaded.emitWithAck('staff:resume', { session })).toMatchObject({ ok: true });
    expect(await reloaded.emitWithAck('staff:watch', {})).toMatchObject({ ok: true });
    const kiosk = await t.client(TOKENS.kiosk1);
    expect(await kiosk.emitWithAck('staff:resume', { session })).toMatchObject({ ok: false, error: { code: 'signed-out' } });
  });
});

describe('the manager routes', () => {
  async function manager(config: Partial<ConfigInput> = {}) {
    await start(config);
    const station = await t.client(TOKENS.station);
    const boss = await createStaff(t, 'manager');
    const session = await signIn(station, boss);
    return { station, session, boss, call: managerFetch(t, session, TOKENS.station) };
  }

  it('creates staff with a one-time PIN that signs in', async () => {
    const { call } = await manager();
    const created = await call('/api/manager/staff', { method: 'POST', body: { number: '4242', name: 'Nora', role: 'attendant' } });
    expect(created).toMatchObject({ status: 200, json: { ok: true, data: { staff: { number: '4242', role: 'attendant' }, pin: expect.stringMatching(/^\d{4,8}$/) } } });
    const other = await t.client(TOKENS.kiosk1);
    expect(await other.emitWithAck('staff:signIn', { number: '4242', pin: created.json.data.pin })).toMatchObject({ ok: true });
    expect(await call('/api/manager/staff', { method: 'POST', body: { number: '4242', name: 'Again', role: 'attendant' } })).toMatchObject({ status: 409 });
  });

  it('refuses a missing CSRF token, another origin, and a change without Origin', async () => {
    const { call } = await manager();
    expect(await call('/api/manager/staff', { headers: { 'x-csrf-token': 'wrong' } })).toMatchObject({ status: 403, json: { error: { code: 'unauthorized', message: expect.stringMatching(/CSRF/) } } });
    expect(await call('/api/manager/staff', { headers: { origin: 'http://evil.example' } })).toMatchObject({ status: 403 });
    const noOrigin = await fetch(`${t.url}/api/manager/staff`, { method: 'POST', headers: { authorization: `Bearer ${TOKENS.station}`, 'content-type': 'application/json' }, body: '{}' });
    expect(noOrigin.status).toBe(403);
  });

  it('asks for the PIN again after the station sat idle, then goes on', async () => {
    const { call, station, boss } = await manager({ staff: { adminReauthSeconds: 1 } });
    expect(await call('/api/manager/audit')).toMatchObject({ status: 200 });
    await sleep(1200);
    expect(await call('/api/manager/audit')).toMatchObject({ status: 401, json: { error: { code: 'reauth-required' } } });
    expect(await station.emitWithAck('staff:reauth', { pin: boss.pin })).toMatchObject({ ok: true });
    expect(await call('/api/manager/audit')).toMatchObject({ status: 200 });
  });

  it('exports the audit log as CSV with every sign-in in it', async () => {
    const { call, boss } = await manager();
    const csv = await call('/api/manager/audit.csv');
    expect(csv.status).toBe(200);
    expect(csv.text.split('\r\n')[0]).toBe('id,at,actor,action,laneId,deviceId,method,outcome,detail');
    expect(csv.text).toContain(`,${boss.id},sign-in,,s1,pin,ok,`);
  });

  it('deactivating a staff member ends their sessions at once', async () => {
    const { call } = await manager();
    const anna = await createStaff(t, 'attendant');
    const kiosk = await t.client(TOKENS.kiosk1);
    await signIn(kiosk, anna);
    const told = new Promise((resolve) => kiosk.once('staff:signedOut', resolve));
    expect(await call(`/api/manager/staff/${anna.id}/active`, { method: 'POST', body: { active: false } })).toMatchObject({ status: 200 });
    expect(await told).toEqual({ reason: 'deactivated' });
    expect(await kiosk.emitWithAck('staff:signIn', { number: anna.number, pin: anna.pin })).toMatchObject({ ok: false, error: { code: 'sign-in-failed' } });
  });
});

describe('device pairing and revocation', () => {
  async function pairingManager(config: Partial<ConfigInput> = {}) {
    await start(config);
    const station = await t.client(TOKENS.station);
    const session = await signIn(station, await createStaff(t, 'manager'));
    return managerFetch(t, session, TOKENS.station);
  }
  const pair = (code: string) =>
    fetch(`${t.url}/api/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) }).then(async (r) => ({ status: r.status, json: (await r.json()) as any }));

  it('a new device pairs with its one-time code, and the code cannot be used again', async () => {
    const call = await pairingManager();
    const created = await call('/api/manager/devices', { method: 'POST', body: { kind: 'kiosk', laneId: 'lane-2', name: 'Kasse 2 ny' } });
    expect(created).toMatchObject({ status: 200, json: { data: { code: expect.stringMatching(/^\d{6}$/), device: { kind: 'kiosk', laneId: 'lane-2', pairedAt: null } } } });
    const paired = await pair(created.json.data.code);
    expect(paired).toMatchObject({ status: 200, json: { ok: true, data: { token: expect.any(String), device: { laneId: 'lane-2' } } } });
    const kiosk = await t.client(paired.json.data.token);
    expect(await kiosk.emitWithAck('lane:sync', {})).toMatchObject({ ok: true, data: { laneId: 'lane-2' } });
    expect(await kiosk.emitWithAck('lane:scan', { key: key(), code: MILK })).toMatchObject({ ok: true });
    expect(await pair(created.json.data.code)).toMatchObject({ status: 401, json: { error: { code: 'unauthorized' } } });
  });

  it('an expired code is refused, and guessing is slowed to a stop', async () => {
    const call = await pairingManager({ pairing: { codeSeconds: 1, attemptsPerMinute: 3 } });
    const created = await call('/api/manager/devices', { method: 'POST', body: { kind: 'display', laneId: 'lane-1', name: 'CFD' } });
    await sleep(1100);
    expect(await pair(created.json.data.code)).toMatchObject({ status: 401 });
    await pair('000000');
    await pair('000001');
    expect(await pair('000002')).toMatchObject({ status: 429, json: { error: { code: 'rate-limited' } } });
  });

  it('revoking a device disconnects it at once and its token no longer connects', async () => {
    const call = await pairingManager();
    const created = await call('/api/manager/devices', { method: 'POST', body: { kind: 'kiosk', laneId: 'lane-1', name: 'K' } });
    const { token, device } = (await pair(created.json.data.code)).json.data;
    const kiosk = await t.client(token);
    const cut = new Promise((resolve) => kiosk.once('disconnect', resolve));
    expect(await call(`/api/manager/devices/${device.id}/revoke`, { method: 'POST' })).toMatchObject({ status: 200, json: { data: { revokedAt: expect.any(String) } } });
    expect(await cut).toBe('io server disconnect');
    const again = io(t.url, { auth: { token }, transports: ['websocket'], reconnection: false });
    const refused = await new Promise<Error>((resolve) => again.once('connect_error', resolve));
    again.close();
    expect(refused.message).toMatch(/unauthorized/);
  });

  it('the first attendant station pairs with a code from the command line', async () => {
    await start();
    const { code, device } = await pairStation(t.db, { name: 'Back office' });
    const paired = await pair(code);
    expect(paired).toMatchObject({ status: 200, json: { data: { device: { id: device.id, kind: 'staff' } } } });
    const station = await t.client(paired.json.data.token);
    const boss = await createStaff(t, 'manager');
    await signIn(station, boss);
    expect(await station.emitWithAck('staff:watch', {})).toMatchObject({ ok: true });
  });

  it('only a demo hub pairs screens on its own machine by themselves', async () => {
    const autoPair = (body: unknown) => fetch(`${t.url}/api/pair/auto`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await start();
    expect((await autoPair({ kind: 'kiosk', laneId: 'lane-1' })).status).toBe(403);
    await t.close();
    t = await startTestHub({ demo: true });
    const res = await autoPair({ kind: 'kiosk', laneId: 'lane-1' });
    expect(res.status).toBe(200);
    const { token } = ((await res.json()) as { data: { token: string } }).data;
    const kiosk = await t.client(token);
    expect(await kiosk.emitWithAck('lane:sync', {})).toMatchObject({ ok: true, data: { laneId: 'lane-1' } });
    expect((await autoPair({ kind: 'kiosk', laneId: 'lane-9' })).status).toBe(400);
  });
});
