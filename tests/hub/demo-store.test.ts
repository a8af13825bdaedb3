import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogInput } from '@selfserve/shared';
import { startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';

const demo = JSON.parse(readFileSync(new URL('../../hub/demo/grocery.json', import.meta.url), 'utf8')) as CatalogInput;

let t: TestHub;
let kiosk: Client;
beforeAll(async () => {
  t = await startTestHub({ catalog: demo, config: { limits: { eventsPerSecond: 1000, eventBurst: 1000 } } });
  kiosk = await t.client(TOKENS.kiosk1);
});
afterAll(() => t.close());

async function basket(...codes: string[]) {
  await kiosk.emitWithAck('lane:cancel', { key: randomUUID() });
  for (const code of codes) {
    const ack = await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code });
    if (!ack.ok) throw new Error(`${code}: ${ack.error.code} ${ack.error.message}`);
  }
  const snap = await kiosk.emitWithAck('lane:sync', {});
  if (!snap.ok) throw new Error(snap.error.message);
  return snap.data;
}

describe('the demo store does what hub/demo/README.md promises', () => {
  it('cola 3 for 2: 72.00 kr becomes 48.00 kr, plus 3 × 3 kr deposit (pant C) that no offer touches', async () => {
    const s = await basket('5701234008002', '5701234008002', '5701234008002');
    expect(s.totals.total).toBe(4800 + 900);
    expect(s.lines.find((l) => l.depositFor)).toMatchObject({ productId: 'deposit-C', quantity: 3, paidPrice: 900 });
    expect(s.adjustments.map((a) => a.campaignId)).toEqual(['c-2026-48-cola-3for2']);
  });

  it('any 3 chocolate bars for 25 kr', async () => {
    expect((await basket('5701234015000', '5701234015017', '5701234015024')).totals.total).toBe(2500);
  });

  it('spaghetti and sauce bundle for 30 kr', async () => {
    expect((await basket('5701234007005', '5701234007036')).totals.total).toBe(3000);
  });

  it('the Danish label examples carry their price and weights', async () => {
    const s = await basket('2135040039753', '2623570001505', '2712341002251');
    expect(s.lines.map((l) => [l.paidPrice, l.weightGrams ?? null])).toEqual([[3975, null], [5249, 150], [4499, 225]]);
  });

  it('beer asks for 16, wine for 18: the basket takes the highest', async () => {
    expect((await basket('5701234009009')).requiredAge).toBe(16);
    expect((await basket('5701234009009', '5701234009092')).requiredAge).toBe(18);
    expect((await basket('5701234009047')).requiredAge).toBe(null);
  });

  it('a member card brings member prices, a coupon takes 10 % off above 100 kr', async () => {
    const s = await basket('5701234012047', 'LOY-1000-0001');
    expect(s.member).toMatchObject({ id: expect.any(String) });
    expect(s.lines[0]).toMatchObject({ memberPrice: true });
    const c = await basket('5701234009092', '5701234009092', 'CPN-WELCOME10');
    expect(c.coupons).toEqual(['CPN-WELCOME10']);
    expect(c.adjustments.some((a) => a.campaignId === 'c-2026-48-welcome10')).toBe(true);
  });

  it('a newspaper shows a separate 0 % VAT line', async () => {
    const s = await basket('5701234017004', '5701234002000');
    expect(s.totals.vat.map((v) => v.rate).sort()).toEqual([0, 2500]);
  });
});
