import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LaneSnapshot } from '@selfserve/shared';
import { BEER, CHIPS, COLA, MILK, ean13 } from '../helpers/catalog.js';
import { nextSnapshot, startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';

let t: TestHub;
let kiosk: Client;

beforeEach(async () => {
  t = await startTestHub();
  kiosk = await t.client(TOKENS.kiosk1);
});
afterEach(() => t.close());

const scan = (code: string, extra: Record<string, unknown> = {}, key = randomUUID()) =>
  kiosk.emitWithAck('lane:scan', { key, code, ...extra } as never);
const sync = (c: Client = kiosk) => c.emitWithAck('lane:sync', {});

/** Scans, then reads the lane's snapshot as it is after the scan. */
async function scanned(code: string, extra: Record<string, unknown> = {}, key = randomUUID()) {
  const ack = await scan(code, extra, key);
  if (!ack.ok) throw new Error(`${ack.error.code}: ${ack.error.message}`);
  const snap = await sync();
  if (!snap.ok) throw new Error(snap.error.message);
  return { ...ack.data, snapshot: snap.data };
}

async function version(): Promise<number> {
  const ack = await sync();
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.data.version;
}

describe('scanning at a lane', () => {
  it('a scan is priced by the hub and the customer display sees it', async () => {
    const cfd = await t.client(TOKENS.cfd1);
    const seen = nextSnapshot(cfd, (s) => s.lines.length === 1);
    const ack = await scan(MILK);
    expect(ack).toMatchObject({ ok: true, data: { added: 'line', line: { lineId: 'L1', paidPrice: 1295 }, total: 1295 } });
    const snap = await seen;
    expect(snap.lines[0]).toMatchObject({ productId: 'milk', quantity: 1, paidPrice: 1295 });
    expect(snap.totals.total).toBe(1295);
    expect(snap.status).toBe('scanning');
  });

  it('a replayed scan gets the original answer and adds nothing', async () => {
    const key = randomUUID();
    const first = await scan(MILK, {}, key);
    const again = await scan(MILK, {}, key);
    expect(again).toEqual(first);
    const { snapshot } = await scanned(CHIPS);
    expect(snapshot.lines.map((l) => [l.productId, l.quantity])).toEqual([['milk', 1], ['chips', 1]]);
  });

  it('an idempotency key reused for another request is a conflict', async () => {
    const key = randomUUID();
    await scan(MILK, {}, key);
    expect(await scan(COLA, {}, key)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('scanning the same item again raises the quantity of its line', async () => {
    await scan(MILK);
    const { snapshot } = await scanned(MILK);
    expect(snapshot.lines).toMatchObject([{ lineId: 'L1', quantity: 2, paidPrice: 2590 }]);
  });

  it('a malformed barcode gets a coded error and changes nothing', async () => {
    const before = await version();
    const ack = await scan('5700000000015'); // wrong check digit
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid-barcode', detail: { reason: 'bad-check-digit' } } });
    expect(await version()).toBe(before);
  });

  it('an unknown item gets unknown-item and changes nothing', async () => {
    const before = await version();
    expect(await scan(ean13('570999999999'))).toMatchObject({ ok: false, error: { code: 'unknown-item' } });
    expect(await version()).toBe(before);
  });

  it.each([
    ['a negative quantity', { key: randomUUID(), code: MILK, quantity: -1 }],
    ['a fractional quantity', { key: randomUUID(), code: MILK, quantity: 1.5 }],
    ['an unknown field', { key: randomUUID(), code: MILK, price: 1 }],
    ['a missing key', { code: MILK }],
    ['a key that is no UUID', { key: 'abc', code: MILK }],
    ['a code of the wrong type', { key: randomUUID(), code: 5700000000011 }],
  ])('a wrong payload (%s) gets bad-payload and changes nothing', async (_name, payload) => {
    const before = await version();
    expect(await kiosk.emitWithAck('lane:scan', payload as never)).toMatchObject({ ok: false, error: { code: 'bad-payload' } });
    expect(await version()).toBe(before);
  });

  it('a weighed item needs a weight and is priced by weight, rounded half away from zero', async () => {
    expect(await scan('4011')).toMatchObject({ ok: false, error: { code: 'weight-required' } });
    const ack = await scan('4011', { weightGrams: 1234 });
    // 22.00 kr/kg × 1.234 kg = 27.148 kr → 27.15 kr
    expect(ack).toMatchObject({ ok: true, data: { line: { productId: 'bananas', weightGrams: 1234, paidPrice: 2715 } } });
  });

  it('a Danish price label carries its price into the line', async () => {
    const ack = await scan('2135040039753');
    expect(ack).toMatchObject({ ok: true, data: { line: { productId: 'minced-beef', paidPrice: 3975 } } });
  });

  it('a Danish weight label is priced by the grams it carries', async () => {
    const ack = await scan('2623570001505'); // 150 g at 140.00 kr/kg = 21.00 kr
    expect(ack).toMatchObject({ ok: true, data: { line: { productId: 'cheese-deli', weightGrams: 150, paidPrice: 2100 } } });
  });

  it('3 for 2 makes one cola free and names its campaign', async () => {
    const { snapshot: s } = await scanned(COLA, { quantity: 3 });
    expect(s.totals.total).toBe(4000);
    expect(s.adjustments).toMatchObject([{ campaignId: 'c-cola-3for2', amount: 2000 }]);
    expect(s.lines[0]!.discounts).toEqual([{ campaignId: 'c-cola-3for2', amount: 2000 }]);
  });

  it('a member card applies member prices to the basket', async () => {
    await scan(COLA);
    const after = await scanned('LOY-10000001');
    expect(after).toMatchObject({ added: 'member', line: null, snapshot: { member: { id: 'm1' }, lines: [{ unitPrice: 1800, memberPrice: true }] } });
  });

  it('a coupon is accepted only when the catalog has it, and is priced last', async () => {
    expect(await scan('CPN-NOSUCH')).toMatchObject({ ok: false, error: { code: 'unknown-item' } });
    await scan(CHIPS, { quantity: 4 }); // 100.00 kr
    const after = await scanned('cpn-welcome10');
    expect(after).toMatchObject({ added: 'coupon', snapshot: { coupons: ['CPN-WELCOME10'], totals: { total: 9000 } } });
  });

  it('an age-limited item shows the age the basket needs', async () => {
    const { snapshot } = await scanned(BEER);
    expect(snapshot).toMatchObject({ requiredAge: 16, lines: [{ requiredAge: 16 }] });
  });

  it('a line can be changed, removed, and a basket cancelled', async () => {
    await scan(MILK);
    await scan(CHIPS);
    expect(await kiosk.emitWithAck('lane:setQuantity', { key: randomUUID(), lineId: 'L1', quantity: 4 })).toMatchObject({ ok: true });
    expect(await sync()).toMatchObject({ ok: true, data: { lines: [{ lineId: 'L1', quantity: 4 }, { lineId: 'L2' }] } });
    expect(await kiosk.emitWithAck('lane:removeLine', { key: randomUUID(), lineId: 'L2' })).toMatchObject({ ok: true });
    expect(await sync()).toMatchObject({ ok: true, data: { lines: [{ lineId: 'L1' }] } });
    expect(await kiosk.emitWithAck('lane:removeLine', { key: randomUUID(), lineId: 'L9' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await kiosk.emitWithAck('lane:cancel', { key: randomUUID() })).toMatchObject({ ok: true });
    expect(await sync()).toMatchObject({ ok: true, data: { status: 'idle', visitId: null, lines: [], totals: { total: 0 } } });
  });

  it('a quantity above the store limit is refused', async () => {
    expect(await scan(MILK, { quantity: 100 })).toMatchObject({ ok: false, error: { code: 'quantity-limit' } });
  });

  it('a customer display cannot change the basket', async () => {
    const cfd = await t.client(TOKENS.cfd1);
    expect(await cfd.emitWithAck('lane:scan', { key: randomUUID(), code: MILK })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('lanes are separate: a scan on lane 1 is not seen on lane 2', async () => {
    const other = await t.client(TOKENS.kiosk2);
    await scan(MILK);
    const ack = await sync(other);
    expect(ack).toMatchObject({ ok: true, data: { laneId: 'lane-2', lines: [] } });
  });

  it('a device without a valid token cannot connect', async () => {
    await expect(t.client('not-a-real-token-at-all')).rejects.toThrow(/unauthorized/);
  });

  it('a reloaded kiosk gets the whole basket on connect', async () => {
    await scan(MILK);
    await scan(CHIPS);
    const { io } = await import('socket.io-client');
    const fresh = io(t.url, { auth: { token: TOKENS.kiosk1 }, transports: ['websocket'], reconnection: false, autoConnect: false });
    const first = new Promise<LaneSnapshot>((resolve) => fresh.once('lane:snapshot', resolve));
    fresh.connect();
    const snap = await first;
    fresh.disconnect();
    expect(snap.lines.map((l) => l.productId)).toEqual(['milk', 'chips']);
  });

  it('the kiosk gets the new snapshot before the answer to its scan', async () => {
    await sync(); // the snapshot sent on connect has arrived
    const order: string[] = [];
    kiosk.on('lane:snapshot', (snap) => order.push(`snapshot v${snap.version}`));
    const ack = await scan(MILK);
    if (!ack.ok) throw new Error(ack.error.message);
    order.push(`ack v${ack.data.version}`);
    expect(order).toEqual([`snapshot v${ack.data.version}`, `ack v${ack.data.version}`]);
  });

  it('snapshot versions rise with every change', async () => {
    const a = await scanned(MILK);
    const b = await scanned(CHIPS);
    expect(b.version).toBeGreaterThan(a.version);
    expect(b.snapshot.version).toBe(b.version);
  });
});
