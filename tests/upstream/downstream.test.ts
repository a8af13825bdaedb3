import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogDeltaInput, CloudEvent } from '@selfserve/shared';
import { pseudonymOf } from '../../hub/src/upstream/pseudonym.js';
import { COLA, MILK, product, testCatalog } from '../helpers/catalog.js';
import { nextSnapshot, startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';

const KEY = 'test-pseudonym-key-0123456789-abcdef';
let t: TestHub;
afterEach(() => t?.close());

/** A hub whose upstream goes nowhere, so events stay in the outbox for these tests to look at. */
async function start(options: { terminal?: boolean } = {}) {
  const catalog = testCatalog();
  catalog.members = [{ id: 'm1', cardNumber: 'LOY10000001', name: 'Test Member', phone: '4512345678', marketingConsent: true }];
  t = await startTestHub({
    catalog,
    terminal: options.terminal ?? true,
    config: { checkout: { thankYouSeconds: 0.2 }, upstream: { pseudonymKey: KEY, sink: { kind: 'http', url: 'http://127.0.0.1:9/nowhere', timeoutMs: 200 }, retryMaxSeconds: 60 } },
  });
  return t.client(TOKENS.kiosk1);
}

const key = () => randomUUID();
const delta = (body: CatalogDeltaInput | unknown) =>
  fetch(`${t.url}/api/admin/catalog/delta`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer test-admin-token-0123456789' }, body: JSON.stringify(body) }).then(
    async (r) => ({ status: r.status, json: (await r.json()) as { ok: boolean; data?: { applied: boolean; version: number }; issues?: Array<{ path: string }> } }),
  );
const sync = async (c: Client) => {
  const a = await c.emitWithAck('lane:sync', {});
  if (!a.ok) throw new Error(a.error.message);
  return a.data;
};
async function sellAsMember(kiosk: Client) {
  await kiosk.emitWithAck('lane:scan', { key: key(), code: 'LOY10000001' });
  await kiosk.emitWithAck('lane:scan', { key: key(), code: COLA });
  const done = nextSnapshot(kiosk, (s) => s.status === 'finished', 10_000);
  await kiosk.emitWithAck('lane:pay', { key: key() });
  return done;
}
const pendingMembers = async () =>
  (await t.db.all<{ event: string }>("SELECT event FROM outbox WHERE type = 'sale.completed.v1'")).map((r) => (JSON.parse(r.event) as CloudEvent<'sale.completed.v1'>).data.member);

describe('head office data downstream', () => {
  it('a delta changes prices and promotions, and the lane shows them at once', async () => {
    const kiosk = await start({ terminal: false });
    await kiosk.emitWithAck('lane:scan', { key: key(), code: MILK });
    const repriced = nextSnapshot(kiosk, (s) => s.totals.total === 500);
    const r = await delta({
      version: 1,
      upsert: { promotions: [{ id: 'c-milk-5', name: { da: 'Mælk 5 kr' }, kind: 'amount-off', target: { productIds: ['milk'] }, amount: 795 }] },
    });
    expect(r).toMatchObject({ status: 200, json: { ok: true, data: { applied: true, version: 1 } } });
    expect((await repriced).lines[0]).toMatchObject({ discounts: [{ campaignId: 'c-milk-5', amount: 795 }] });
  });

  it('a bad row is named and nothing of the delta is applied', async () => {
    await start({ terminal: false });
    const r = await delta({ version: 1, upsert: { products: [product({ id: 'ok', gtins: [] , plu: '1234' }), product({ id: 'bad', price: -1 })] } });
    expect(r).toMatchObject({ status: 400, json: { ok: false, issues: [{ path: 'upsert.products.1.price' }] } });
    expect(t.hub.catalog.byPlu('1234')).toBeUndefined();
    expect(await delta({ version: 1, upsert: { products: [product({ id: 'ok', plu: '1234' })] } })).toMatchObject({ status: 200, json: { data: { applied: true } } });
  });

  it('each version is applied once: the same again changes nothing, an older one is refused', async () => {
    await start({ terminal: false });
    expect(await delta({ version: 5, remove: { products: ['chips'] } })).toMatchObject({ status: 200, json: { data: { applied: true } } });
    expect(await delta({ version: 5, upsert: { products: [product({ id: 'x', plu: '9999' })] } })).toMatchObject({ status: 200, json: { data: { applied: false } } });
    expect(t.hub.catalog.byPlu('9999')).toBeUndefined();
    expect(await delta({ version: 4, remove: { products: ['milk'] } })).toMatchObject({ status: 409 });
    expect(t.hub.catalog.counts().products).toBe(testCatalog().products.length - 1);
  });

  it('a product code already taken by another product is refused by name', async () => {
    await start({ terminal: false });
    const r = await delta({ version: 1, upsert: { products: [product({ id: 'milk-copy', gtins: [MILK] })] } });
    expect(r).toMatchObject({ status: 400, json: { issues: [{ path: 'upsert.products' }] } });
  });

  it('a withdrawn consent takes effect at once: unsent events lose the pseudonym, later sales carry none', async () => {
    const kiosk = await start();
    await sellAsMember(kiosk);
    expect(await pendingMembers()).toEqual([{ pseudonym: pseudonymOf(KEY, 'm1') }]);
    expect(await delta({ version: 1, consent: [{ memberId: 'm1', marketing: false }] })).toMatchObject({ status: 200 });
    expect(await pendingMembers()).toEqual([null]);
    await nextSnapshot(kiosk, (s) => s.status === 'idle', 5000);
    await sellAsMember(kiosk);
    expect(await pendingMembers()).toEqual([null, null]);
  });

  it('an erasure request forgets the member: card unknown, visits, sales and unsent events scrubbed', async () => {
    const kiosk = await start();
    await sellAsMember(kiosk);
    expect(await delta({ version: 1, erase: ['m1'] })).toMatchObject({ status: 200 });
    expect(await pendingMembers()).toEqual([null]);
    const traces = await t.db.all<{ n: number }>(
      "SELECT (SELECT COUNT(*) FROM visits WHERE member LIKE '%m1%') + (SELECT COUNT(*) FROM sales WHERE basket LIKE '%Test Member%') + (SELECT COUNT(*) FROM members WHERE id = 'm1') AS n",
    );
    expect(traces[0]!.n).toBe(0);
    await nextSnapshot(kiosk, (s) => s.status === 'idle', 5000);
    expect(await kiosk.emitWithAck('lane:scan', { key: key(), code: 'LOY10000001' })).toMatchObject({ ok: false, error: { code: 'unknown-item' } });
  });

  it('never re-prices a basket while its payment runs', async () => {
    const kiosk = await start();
    t.terminal!.script({ slow: 800 });
    await kiosk.emitWithAck('lane:scan', { key: key(), code: MILK });
    const paying = nextSnapshot(kiosk, (s) => s.status === 'payment');
    await kiosk.emitWithAck('lane:pay', { key: key() });
    const before = (await paying).totals.total;
    await delta({ version: 1, upsert: { promotions: [{ id: 'c-milk-5', name: { da: 'Mælk 5 kr' }, kind: 'amount-off', target: { productIds: ['milk'] }, amount: 795 }] } });
    expect((await sync(kiosk)).totals.total).toBe(before);
    const done = await nextSnapshot(kiosk, (s) => s.status === 'finished', 10_000);
    expect(done.payment).toMatchObject({ state: 'approved', amount: before });
    expect(done.totals.total).toBe(before);
  });
});
