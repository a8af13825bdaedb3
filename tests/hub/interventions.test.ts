import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigInput } from '../../hub/src/config.js';
import type { CatalogInput, LaneSnapshot } from '@selfserve/shared';
import { BEER, CHIPS, COLA, ean13, MILK, product, testCatalog } from '../helpers/catalog.js';
import { nextSnapshot, startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';
import { createStaff, signIn } from '../helpers/staff.js';

const SPIRITS = ean13('570000000099');

/** The test catalog plus an 18+ spirit (the test beer is 4.6 %: 16+ in Denmark). */
function catalog(): CatalogInput {
  const c = testCatalog();
  c.products.push(product({ id: 'gin', name: { da: 'Gin 70 cl', en: 'Gin 70 cl' }, gtins: [SPIRITS], price: 19900, ageCategory: 'alcohol', abv: 375, department: 'oel-og-vin' }));
  return c;
}

let t: TestHub;
afterEach(() => t?.close());

async function start(config: Partial<ConfigInput> = {}, terminal = false) {
  t = await startTestHub({ catalog: catalog(), terminal, config: { checkout: { thankYouSeconds: 0.3, statusRetryMs: 50 }, ...config } });
  const kiosk = await t.client(TOKENS.kiosk1);
  const station = await t.client(TOKENS.station);
  return { kiosk, station };
}

const key = () => randomUUID();
const scan = (c: Client, code: string, quantity?: number) => c.emitWithAck('lane:scan', { key: key(), code, ...(quantity ? { quantity } : {}) });
const sync = async (c: Client): Promise<LaneSnapshot> => {
  const ack = await c.emitWithAck('lane:sync', {});
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.data;
};
const journal = () => t.db.all<{ reason: string; state: string; outcome: string | null; resolved_by: string | null; method: string | null }>(
  'SELECT reason, state, outcome, resolved_by, method FROM interventions ORDER BY opened_at',
);
const audit = (action: string) => t.db.all<{ actor: string | null; device_id: string | null; method: string | null; outcome: string; detail: string }>(
  'SELECT actor, device_id, method, outcome, detail FROM audit_log WHERE action = ? ORDER BY id',
  [action],
);

describe('age checks', () => {
  it('an 18+ item blocks payment; a station approves; the kiosk unblocks; the audit row holds both people', async () => {
    const { kiosk, station } = await start({ interventions: { remote: { 'age-check': true } } }, true);
    const anna = await createStaff(t, 'attendant', 'Anna');
    await signIn(station, anna);
    expect(await station.emitWithAck('staff:watch', {})).toMatchObject({ ok: true });

    const seen = nextSnapshot(station, (s) => s.interventions.some((i) => i.reason === 'age-check'));
    expect(await scan(kiosk, SPIRITS)).toMatchObject({ ok: true });
    const check = (await seen).interventions[0]!;
    expect(check).toMatchObject({ reason: 'age-check', blocks: 'payment', state: 'open', requiredAge: 18, requestedDevice: 'k1' });
    // The shopper may keep scanning, but not pay.
    expect(await scan(kiosk, MILK)).toMatchObject({ ok: true });
    expect(await kiosk.emitWithAck('lane:pay', { key: key() })).toMatchObject({ ok: false, error: { code: 'lane-blocked' } });

    const unblocked = nextSnapshot(kiosk, (s) => s.interventions.length === 0);
    const ack = await station.emitWithAck('staff:resolve', { key: key(), laneId: 'lane-1', interventionId: check.id, outcome: 'approve', method: 'id-seen' });
    expect(ack).toMatchObject({ ok: true });
    await unblocked;
    const paid = nextSnapshot(kiosk, (s) => s.status === 'finished', 10_000);
    expect(await kiosk.emitWithAck('lane:pay', { key: key() })).toMatchObject({ ok: true });
    await paid;

    const [row] = await audit('intervention-resolved');
    expect(row).toMatchObject({ actor: anna.id, device_id: 's1', method: 'remote', outcome: 'approved' });
    expect(JSON.parse(row!.detail)).toMatchObject({ reason: 'age-check', requestedDevice: 'k1', resolvedBy: anna.id, resolvedByName: 'Anna', ageMethod: 'id-seen', requiredAge: 18 });
    expect(await journal()).toEqual([{ reason: 'age-check', state: 'resolved', outcome: 'approved', resolved_by: anna.id, method: 'remote' }]);
  });

  it('age checks are resolved at the lane by default: the station is refused, staff signed in at the kiosk approve', async () => {
    const { kiosk, station } = await start();
    const anna = await createStaff(t, 'attendant');
    await signIn(station, anna);
    await scan(kiosk, SPIRITS);
    const id = (await sync(kiosk)).interventions[0]!.id;
    const approve = { laneId: 'lane-1', interventionId: id, outcome: 'approve' as const, method: 'id-seen' as const };
    expect(await station.emitWithAck('staff:resolve', { key: key(), ...approve })).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringMatching(/at the lane/) } });
    const atLane = await kiosk.emitWithAck('staff:signIn', { badge: `STF${anna.badge}`, pin: anna.pin });
    expect(atLane).toMatchObject({ ok: true, data: { method: 'badge+pin', staff: { id: anna.id } } });
    expect(await kiosk.emitWithAck('staff:resolve', { key: key(), ...approve })).toMatchObject({ ok: true });
    expect((await sync(kiosk)).interventions).toEqual([]);
    expect(await journal()).toMatchObject([{ state: 'resolved', method: 'badge+pin' }]);
  });

  it('a later item with a higher age needs a new approval (16 approved, then 18)', async () => {
    const { kiosk } = await start();
    const anna = await createStaff(t, 'attendant');
    await signIn(kiosk, anna);
    await scan(kiosk, BEER);
    const first = (await sync(kiosk)).interventions[0]!;
    expect(first).toMatchObject({ reason: 'age-check', requiredAge: 16 });
    await kiosk.emitWithAck('staff:resolve', { key: key(), laneId: 'lane-1', interventionId: first.id, outcome: 'approve', method: 'id-seen' });
    await scan(kiosk, BEER);
    expect((await sync(kiosk)).interventions).toEqual([]);
    await scan(kiosk, SPIRITS);
    expect((await sync(kiosk)).interventions).toMatchObject([{ reason: 'age-check', requiredAge: 18 }]);
  });

  it('a date of birth under the age limit is refused; rejecting takes the restricted items off', async () => {
    const { kiosk } = await start();
    await signIn(kiosk, await createStaff(t, 'attendant'));
    await scan(kiosk, MILK);
    await scan(kiosk, SPIRITS);
    const id = (await sync(kiosk)).interventions[0]!.id;
    const today = new Date();
    const seventeen = `${today.getUTCFullYear() - 17}-01-01`;
    const tooYoung = await kiosk.emitWithAck('staff:resolve', { key: key(), laneId: 'lane-1', interventionId: id, outcome: 'approve', method: 'date-of-birth', dateOfBirth: seventeen });
    expect(tooYoung).toMatchObject({ ok: false, error: { code: 'not-allowed', message: expect.stringMatching(/under the age limit of 18/) } });
    expect(await kiosk.emitWithAck('staff:resolve', { key: key(), laneId: 'lane-1', interventionId: id, outcome: 'reject' })).toMatchObject({ ok: true });
    const s = await sync(kiosk);
    expect(s.lines.map((l) => l.productId)).toEqual(['milk']);
    expect(s.interventions).toEqual([]);
  });

  it('removing the restricted item before staff come ends the check by itself', async () => {
    const { kiosk } = await start();
    await scan(kiosk, SPIRITS);
    const line = (await sync(kiosk)).lines[0]!;
    expect(await kiosk.emitWithAck('lane:removeLine', { key: key(), lineId: line.lineId })).toMatchObject({ ok: true });
    expect((await sync(kiosk)).interventions).toEqual([]);
    expect(await journal()).toMatchObject([{ reason: 'age-check', state: 'resolved', outcome: 'not-needed' }]);
  });
});

describe('voids, quantities and price overrides', () => {
  it('removing a line after the first N items waits for staff; approval removes it', async () => {
    const { kiosk, station } = await start({ interventions: { voidAfterItems: 3 } });
    await signIn(station, await createStaff(t, 'attendant'));
    await scan(kiosk, MILK);
    await scan(kiosk, COLA);
    await scan(kiosk, CHIPS);
    const cola = (await sync(kiosk)).lines[1]!;
    expect(await kiosk.emitWithAck('lane:removeLine', { key: key(), lineId: cola.lineId })).toMatchObject({ ok: true });
    const s = await sync(kiosk);
    expect(s.lines).toHaveLength(3);
    expect(s.interventions).toMatchObject([{ reason: 'void-approval', blocks: 'lane', lineId: cola.lineId, quantity: 0 }]);
    expect(await scan(kiosk, MILK)).toMatchObject({ ok: false, error: { code: 'lane-blocked' } });
    await station.emitWithAck('staff:resolve', { key: key(), laneId: 'lane-1', interventionId: s.interventions[0]!.id, outcome: 'approve' });
    const after = await sync(kiosk);
    expect(after.lines.map((l) => l.productId)).toEqual(['milk', 'chips']);
    expect(after.interventions).toEqual([]);
  });

  it('a quantity above the store limit is held for staff; rejecting puts it back', async () => {
    const { kiosk, station } = await start({ interventions: { quantityApprovalAbove: 5 } });
    await signIn(station, await createStaff(t, 'attendant'));
    await scan(kiosk, MILK);
    const milk = (await sync(kiosk)).lines[0]!;
    expect(await kiosk.emitWithAck('lane:setQuantity', { key: key(), lineId: milk.lineId, quantity: 8 })).toMatchObject({ ok: true });
    const s = await sync(kiosk);
    expect(s.lines[0]).toMatchObject({ quantity: 8 });
    expect(s.interventions).toMatchObject([{ reason: 'quantity-limit', quantity: 8, previousQuantity: 1 }]);
    await station.emitWithAck('staff:resolve', { key: key(), laneId: 'lane-1', interventionId: s.interventions[0]!.id, outcome: 'reject' });
    expect((await sync(kiosk)).lines[0]).toMatchObject({ quantity: 1 });
  });

  it('an attendant only requests a price override; nobody approves their own request; a supervisor approves it', async () => {
    const { kiosk, station } = await start();
    const attendant = await createStaff(t, 'attendant', 'Ali');
    const supervisor = await createStaff(t, 'supervisor', 'Sara');
    await signIn(kiosk, attendant);
    await scan(kiosk, COLA);
    const line = (await sync(kiosk)).lines[0]!;
    const asked = await kiosk.emitWithAck('staff:overridePrice', { key: key(), laneId: 'lane-1', lineId: line.lineId, price: 1000, reason: 'shelf label says 10 kr' });
    expect(asked).toMatchObject({ ok: true, data: { pending: true } });
    const request = (await sync(kiosk)).interventions[0]!;
    expect(request).toMatchObject({ reason: 'price-override', price: 1000, requestedBy: { staffId: attendant.id, role: 'attendant' } });
    const own = await kiosk.emitWithAck('staff:resolve', { key: key(), laneId: 'lane-1', interventionId: request.id, outcome: 'approve' });
    expect(own).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringMatching(/own request/) } });

    await signIn(station, supervisor);
    expect(await station.emitWithAck('staff:resolve', { key: key(), laneId: 'lane-1', interventionId: request.id, outcome: 'approve' })).toMatchObject({ ok: true });
    const s = await sync(kiosk);
    expect(s.lines[0]).toMatchObject({ grossPrice: 1000, priceOverridden: true });
    expect(s.totals.total).toBe(1000);
    const [row] = await audit('intervention-resolved');
    expect(row).toMatchObject({ actor: supervisor.id, outcome: 'approved' });
    expect(JSON.parse(row!.detail)).toMatchObject({ requestedBy: attendant.id, requestedByName: 'Ali', resolvedBy: supervisor.id, resolvedByName: 'Sara', price: 1000 });
  });

  it('a supervisor sets a price at once, and it is audited', async () => {
    const { kiosk, station } = await start();
    const supervisor = await createStaff(t, 'supervisor');
    await signIn(station, supervisor);
    await scan(kiosk, COLA);
    const line = (await sync(kiosk)).lines[0]!;
    const ack = await station.emitWithAck('staff:overridePrice', { key: key(), laneId: 'lane-1', lineId: line.lineId, price: 1500, reason: 'dented' });
    expect(ack).toMatchObject({ ok: true, data: { pending: false } });
    expect((await sync(kiosk)).totals.total).toBe(1500);
    expect(await audit('price-override')).toMatchObject([{ actor: supervisor.id, method: 'remote' }]);
  });
});

describe('help calls and the life of an intervention', () => {
  it('a help call is claimed, then resolved; the kiosk sees who is coming', async () => {
    const { kiosk, station } = await start();
    const anna = await createStaff(t, 'attendant', 'Anna');
    await signIn(station, anna);
    await station.emitWithAck('staff:watch', {});
    const called = nextSnapshot(station, (s) => s.interventions.length > 0);
    expect(await kiosk.emitWithAck('lane:callStaff', { key: key(), reason: 'help' })).toMatchObject({ ok: true });
    // A second press does not queue a second call.
    await kiosk.emitWithAck('lane:callStaff', { key: key(), reason: 'help' });
    const help = (await called).interventions[0]!;
    expect((await sync(kiosk)).interventions).toHaveLength(1);
    const claimed = nextSnapshot(kiosk, (s) => s.interventions[0]?.state === 'claimed');
    await station.emitWithAck('staff:claim', { key: key(), laneId: 'lane-1', interventionId: help.id });
    expect((await claimed).interventions[0]).toMatchObject({ claimedBy: { staffId: anna.id, name: 'Anna' } });
    await station.emitWithAck('staff:resolve', { key: key(), laneId: 'lane-1', interventionId: help.id, outcome: 'approve' });
    expect((await sync(kiosk)).interventions).toEqual([]);
    expect(await journal()).toMatchObject([{ reason: 'help', state: 'resolved', resolved_by: anna.id }]);
  });

  it('an unknown item the shopper asks help for carries its code to staff', async () => {
    const { kiosk } = await start();
    const code = ean13('570999999999');
    expect(await scan(kiosk, code)).toMatchObject({ ok: false, error: { code: 'unknown-item' } });
    await kiosk.emitWithAck('lane:callStaff', { key: key(), reason: 'unknown-item', code });
    expect((await sync(kiosk)).interventions).toMatchObject([{ reason: 'unknown-item', code, blocks: 'lane' }]);
  });

  it('what is still open when the visit ends expires with it', async () => {
    const { kiosk } = await start();
    await scan(kiosk, MILK);
    await kiosk.emitWithAck('lane:callStaff', { key: key(), reason: 'help' });
    expect(await kiosk.emitWithAck('lane:cancel', { key: key() })).toMatchObject({ ok: true });
    expect((await sync(kiosk)).interventions).toEqual([]);
    expect(await journal()).toMatchObject([{ reason: 'help', state: 'expired', outcome: 'visit-ended' }]);
  });

  it('a resolved intervention cannot be resolved again', async () => {
    const { kiosk, station } = await start();
    await signIn(station, await createStaff(t, 'attendant'));
    await kiosk.emitWithAck('lane:callStaff', { key: key(), reason: 'help' });
    const id = (await sync(kiosk)).interventions[0]!.id;
    await station.emitWithAck('staff:resolve', { key: key(), laneId: 'lane-1', interventionId: id, outcome: 'approve' });
    expect(await station.emitWithAck('staff:resolve', { key: key(), laneId: 'lane-1', interventionId: id, outcome: 'approve' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
