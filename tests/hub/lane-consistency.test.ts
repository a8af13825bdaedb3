import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHIPS, COLA, MILK, ean13, product, testCatalog } from '../helpers/catalog.js';
import { nextSnapshot, startTestHub, TOKENS, type TestHub } from '../helpers/hub.js';

let t: TestHub;
afterEach(() => t.close());

describe('lane consistency', () => {
  beforeEach(async () => {
    const catalog = testCatalog();
    for (let i = 0; i < 30; i++) catalog.products.push(product({ id: `p${i}`, gtins: [ean13(`5711111111${String(i).padStart(2, '0')}`)], price: 100 + i }));
    t = await startTestHub({ catalog });
  });

  it('concurrent scans on one lane all land, each once, in the order sent', async () => {
    const kiosk = await t.client(TOKENS.kiosk1);
    const codes = Array.from({ length: 30 }, (_, i) => ean13(`5711111111${String(i).padStart(2, '0')}`));
    const acks = await Promise.all(codes.map((code) => kiosk.emitWithAck('lane:scan', { key: randomUUID(), code })));
    expect(acks.every((a) => a.ok)).toBe(true);
    const snap = await kiosk.emitWithAck('lane:sync', {});
    if (!snap.ok) throw new Error(snap.error.message);
    expect(snap.data.lines.map((l) => l.productId)).toEqual(codes.map((_, i) => `p${i}`));
    expect(snap.data.version).toBe(30);
    expect(snap.data.totals.total).toBe(codes.reduce((sum, _, i) => sum + 100 + i, 0));
  });

  it('the same scan sent twice at once is applied once', async () => {
    const kiosk = await t.client(TOKENS.kiosk1);
    const key = randomUUID();
    const [a, b] = await Promise.all([kiosk.emitWithAck('lane:scan', { key, code: MILK }), kiosk.emitWithAck('lane:scan', { key, code: MILK })]);
    expect(a).toEqual(b);
    const snap = await kiosk.emitWithAck('lane:sync', {});
    expect(snap).toMatchObject({ ok: true, data: { lines: [{ productId: 'milk', quantity: 1 }] } });
  });

  it('lanes work side by side without seeing each other\'s baskets', async () => {
    const [k1, k2] = [await t.client(TOKENS.kiosk1), await t.client(TOKENS.kiosk2)];
    await Promise.all([
      ...Array.from({ length: 5 }, () => k1.emitWithAck('lane:scan', { key: randomUUID(), code: MILK })),
      ...Array.from({ length: 3 }, () => k2.emitWithAck('lane:scan', { key: randomUUID(), code: CHIPS })),
    ]);
    expect(await k1.emitWithAck('lane:sync', {})).toMatchObject({ ok: true, data: { lines: [{ productId: 'milk', quantity: 5 }] } });
    expect(await k2.emitWithAck('lane:sync', {})).toMatchObject({ ok: true, data: { lines: [{ productId: 'chips', quantity: 3 }] } });
  });
});

describe('a catalog import during a visit', () => {
  beforeEach(async () => {
    t = await startTestHub();
  });

  it('re-prices the open baskets with the new promotions and tells the displays', async () => {
    const kiosk = await t.client(TOKENS.kiosk1);
    const cfd = await t.client(TOKENS.cfd1);
    await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code: COLA, quantity: 3 });
    const before = await kiosk.emitWithAck('lane:sync', {});
    expect(before).toMatchObject({ ok: true, data: { totals: { total: 4000 } } });

    const withoutPromotions = { ...testCatalog(), promotions: [] };
    const repriced = nextSnapshot(cfd, (s) => s.totals.total === 6000);
    const res = await fetch(`${t.url}/api/admin/catalog`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer test-admin-token-0123456789' },
      body: JSON.stringify(withoutPromotions),
    });
    expect(res.status).toBe(200);
    const snap = await repriced;
    expect(snap.adjustments).toEqual([]);
    if (!before.ok) throw new Error('sync failed');
    expect(snap.version).toBeGreaterThan(before.data.version);
  });
});
