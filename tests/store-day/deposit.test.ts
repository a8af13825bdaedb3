/** Bottle deposit (pant) at the lane, and deposit-return vouchers taken once across the store. */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { LaneSnapshot } from '@selfserve/shared';
import { COLA, ean13, MILK, product, testCatalog, voucher, WATER } from '../helpers/catalog.js';
import { nextSnapshot, startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';

let t: TestHub;
afterEach(() => t?.close());

const key = () => randomUUID();
const scan = (c: Client, code: string, quantity?: number) => c.emitWithAck('lane:scan', { key: key(), code, ...(quantity ? { quantity } : {}) });
async function sync(c: Client): Promise<LaneSnapshot> {
  const s = await c.emitWithAck('lane:sync', {});
  if (!s.ok) throw new Error(s.error.message);
  return s.data;
}

describe('deposit lines', () => {
  it('a bottle with a deposit class brings its deposit line, which follows its quantity and leaves with it', async () => {
    t = await startTestHub();
    const kiosk = await t.client(TOKENS.kiosk1);
    await scan(kiosk, WATER);
    let s = await sync(kiosk);
    expect(s.lines.map((l) => [l.lineId, l.productId, l.quantity, l.paidPrice, l.depositFor ?? null])).toEqual([
      ['L1', 'water', 1, 1000, null],
      ['L1.pant', 'deposit-A', 1, 100, 'L1'],
    ]);
    expect(s.totals).toMatchObject({ total: 1100, itemCount: 1 });
    await kiosk.emitWithAck('lane:setQuantity', { key: key(), lineId: 'L1', quantity: 3 });
    s = await sync(kiosk);
    expect(s.lines[1]).toMatchObject({ quantity: 3, paidPrice: 300 });
    expect(s.totals.total).toBe(3300);
    await kiosk.emitWithAck('lane:removeLine', { key: key(), lineId: 'L1' });
    expect((await sync(kiosk)).lines).toEqual([]);
  });

  it('a deposit is never discounted by a promotion, not even one off the whole basket, and carries its VAT', async () => {
    const half = [
      { id: 'c-water-half', kind: 'percent-off', name: { da: 'Vand halv pris' }, target: { productIds: ['water'] }, percent: 5000 },
      { id: 'c-basket-10', kind: 'basket-percent', name: { da: '10 % på alt' }, percent: 1000 },
    ] as Parameters<typeof testCatalog>[0] extends { promotions?: infer P } ? P : never;
    t = await startTestHub({ catalog: testCatalog({ promotions: half }) });
    const kiosk = await t.client(TOKENS.kiosk1);
    await scan(kiosk, WATER, 2);
    await scan(kiosk, MILK);
    const s = await sync(kiosk);
    const pant = s.lines.find((l) => l.depositFor === 'L1')!;
    expect(s.lines[0]!.discounts.length).toBeGreaterThan(0);
    expect(pant).toMatchObject({ discounts: [], grossPrice: 200, paidPrice: 200, vatRate: 2500 });
    const goods = s.lines.filter((l) => !l.depositFor).reduce((sum, l) => sum + l.paidPrice, 0);
    expect(s.totals.total).toBe(goods + 200);
    expect(s.totals.vat).toHaveLength(1);
    expect(s.totals.vat[0]!.gross).toBe(s.totals.total);
  });

  it('a six-pack carries six deposits per pack', async () => {
    const sixPack = ean13('570000000006');
    const catalog = testCatalog();
    catalog.products.push(product({ id: 'beer-6', name: { da: 'Pilsner 6 × 33 cl' }, gtins: [sixPack], price: 6000, deposit: 'A', depositCount: 6, department: 'oel-og-vin' }));
    t = await startTestHub({ catalog });
    const kiosk = await t.client(TOKENS.kiosk1);
    await scan(kiosk, sixPack, 2);
    const s = await sync(kiosk);
    expect(s.lines[1]).toMatchObject({ productId: 'deposit-A', quantity: 12, unitPrice: 100, paidPrice: 1200 });
    expect(s.totals.total).toBe(12_000 + 1200);
  });

  it('a deposit line cannot be changed on its own', async () => {
    t = await startTestHub();
    const kiosk = await t.client(TOKENS.kiosk1);
    await scan(kiosk, WATER);
    expect(await kiosk.emitWithAck('lane:setQuantity', { key: key(), lineId: 'L1.pant', quantity: 5 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await kiosk.emitWithAck('lane:removeLine', { key: key(), lineId: 'L1.pant' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('deposit-return vouchers', () => {
  it('a voucher is deducted, and accepted once across all lanes', async () => {
    t = await startTestHub({ terminal: true, config: { checkout: { thankYouSeconds: 0.2 } } });
    const lane1 = await t.client(TOKENS.kiosk1);
    const lane2 = await t.client(TOKENS.kiosk2);
    const code = voucher('1', 450);
    await scan(lane1, COLA);
    await scan(lane2, COLA);
    expect(await scan(lane1, code)).toMatchObject({ ok: true, data: { added: 'voucher' } });
    expect(await scan(lane2, code)).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    expect(await scan(lane1, code)).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    const s = await sync(lane1);
    expect(s.lines.at(-1)).toMatchObject({ lineId: 'V1', productId: 'deposit-voucher', paidPrice: -450, voucher: code });
    expect(s.totals.total).toBe(2000 - 450);
    // Paid, the voucher is redeemed for good; after the thank-you another lane still cannot take it.
    const done = nextSnapshot(lane1, (x) => x.status === 'finished', 10_000);
    await lane1.emitWithAck('lane:pay', { key: key() });
    expect((await done).payment).toMatchObject({ state: 'approved', amount: 1550 });
    expect(await t.db.all('SELECT code, status FROM deposit_vouchers')).toEqual([{ code, status: 'redeemed' }]);
    expect(await scan(lane2, code)).toMatchObject({ ok: false, error: { code: 'duplicate' } });
  });

  it('a voucher redeemed before the hub started is refused too (looked up, not kept in memory)', async () => {
    t = await startTestHub();
    const code = voucher('9', 200);
    await t.db.run("INSERT INTO deposit_vouchers (code, amount, lane_id, visit_id, status, at) VALUES (?, 200, 'lane-2', 'v-old', 'redeemed', '2026-01-01T10:00:00.000Z')", [code]);
    const kiosk = await t.client(TOKENS.kiosk1);
    await scan(kiosk, MILK);
    expect(await scan(kiosk, code)).toMatchObject({ ok: false, error: { code: 'duplicate' } });
  });

  it('a cancelled basket gives its voucher back, and a voucher worth more than the basket is refused', async () => {
    t = await startTestHub();
    const lane1 = await t.client(TOKENS.kiosk1);
    const lane2 = await t.client(TOKENS.kiosk2);
    const code = voucher('2', 300);
    expect(await scan(lane1, code)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    await scan(lane1, MILK);
    await scan(lane1, code);
    await lane1.emitWithAck('lane:cancel', { key: key() });
    await scan(lane2, MILK);
    expect(await scan(lane2, code)).toMatchObject({ ok: true, data: { added: 'voucher' } });
    // Taken off the basket again, it may be used elsewhere.
    expect(await lane2.emitWithAck('lane:removeLine', { key: key(), lineId: 'V1' })).toMatchObject({ ok: true });
    await scan(lane1, MILK);
    expect(await scan(lane1, code)).toMatchObject({ ok: true });
    expect(await scan(lane1, voucher('3', 300).slice(0, 12) + '0')).toMatchObject({ ok: false, error: { code: 'invalid-barcode' } });
  });
});
