import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MILK, testCatalog } from '../helpers/catalog.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';

let t: TestHub;
beforeEach(async () => {
  t = await startTestHub();
});
afterEach(() => t.close());

const post = (body: string, type: string, token = 'test-admin-token-0123456789') =>
  fetch(`${t.url}/api/admin/catalog`, { method: 'POST', headers: { 'content-type': type, authorization: `Bearer ${token}` }, body });

describe('catalog import over HTTP', () => {
  it('admin routes need the bearer token', async () => {
    const res = await post('[]', 'application/json', 'wrong-token-wrong-token');
    expect(res.status).toBe(401);
  });

/** The test catalog's products: an import that fails leaves exactly these. */
const TEST_PRODUCTS = testCatalog().products.length;

  it('a good JSON catalog replaces the stored one', async () => {
    const catalog = testCatalog();
    catalog.products = catalog.products.slice(0, 2);
    const res = await post(JSON.stringify(catalog, null, 2), 'application/json');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, data: { products: 2, members: 1 } });
    expect(t.hub.catalog.counts().products).toBe(2);
  });

  it('bad rows are reported by line number and nothing is half-imported', async () => {
    const catalog = testCatalog();
    (catalog.products[2] as { price: unknown }).price = -5;
    const text = JSON.stringify(catalog, null, 2);
    const res = await post(text, 'application/json');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { issues: Array<{ line: number; path: string }> };
    const lines = text.split('\n');
    const idLine = lines.findIndex((l) => l.includes('"id": "beer"'));
    // the row starts at its opening brace
    const expectedLine = lines.slice(0, idLine).findLastIndex((l) => l === '    {') + 1;
    expect(body.issues[0]).toMatchObject({ path: 'products.2.price', line: expectedLine });
    expect(t.hub.catalog.counts().products).toBe(TEST_PRODUCTS);
  });

  it('two products with the same GTIN are refused with both rows named', async () => {
    const catalog = testCatalog();
    catalog.products[1]!.gtins = [MILK];
    const res = await post(JSON.stringify(catalog), 'application/json');
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/also used by row 1/);
  });

  it('a CSV file imports products with prices in kroner', async () => {
    const csv = [
      'id,name_da,name_en,gtins,plu,rcn_items,price,member_price,unit,vat_rate,age_category,abv,department,image',
      `milk,Letmælk,Milk,${MILK},,,"12,95",,each,25,,,mejeri,`,
      'apples,Æbler,Apples,,4015,,24.95,,kg,25,,,frugt,',
    ].join('\n');
    const res = await post(csv, 'text/csv');
    expect(await res.json()).toMatchObject({ ok: true, data: { products: 2 } });
    expect(t.hub.catalog.byPlu('4015')).toMatchObject({ price: 2495, unit: 'kg' });
    expect(t.hub.catalog.product('milk')).toMatchObject({ price: 1295 });
  });

  it('a CSV row with a bad price names its line', async () => {
    const csv = 'id,name_da,price,department\nok,Fin,10.00,x\nbad,Dårlig,ti kroner,x\n';
    const res = await post(csv, 'text/csv');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ issues: [{ line: 3 }] });
    expect(t.hub.catalog.counts().products).toBe(TEST_PRODUCTS);
  });

  it('an unknown route and an unreadable body get JSON errors, never a stack trace', async () => {
    const missing = await fetch(`${t.url}/api/nothing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const bad = await post('{"products": [', 'application/json');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).not.toMatch(/at .*\.js/);
  });

  it('health reports the database and the catalog', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, database: 'ok', catalog: { products: TEST_PRODUCTS } });
  });
});
