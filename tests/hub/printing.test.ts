import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { LaneSnapshot } from '@selfserve/shared';
import { COLA, MILK, ean13, product, testCatalog } from '../helpers/catalog.js';
import { nextSnapshot, startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';

let t: TestHub;
afterEach(() => t?.close());

const PORRIDGE = ean13('570000000099');

async function paidVisit(): Promise<{ kiosk: Client; cfd: Client; done: LaneSnapshot }> {
  const catalog = testCatalog();
  catalog.products.push(product({ id: 'porridge', name: { da: 'Blåbærgrød', en: 'Blueberry porridge' }, gtins: [PORRIDGE], price: 2495 }));
  t = await startTestHub({ catalog, terminal: true, printer: true, config: { checkout: { thankYouSeconds: 30, printRetryMs: 100 } } });
  const kiosk = await t.client(TOKENS.kiosk1);
  const cfd = await t.client(TOKENS.cfd1);
  for (const code of [MILK, COLA, COLA, COLA, PORRIDGE]) await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code });
  const finished = nextSnapshot(cfd, (s) => s.status === 'finished', 10_000);
  await kiosk.emitWithAck('lane:pay', { key: randomUUID() });
  return { kiosk, cfd, done: await finished };
}

const printed = async (count: number) => {
  for (let i = 0; i < 200 && t.printer!.receipts.length < count; i++) await new Promise((r) => setTimeout(r, 25));
  return t.printer!.receipts;
};

describe('receipts', () => {
  it('a paid sale prints its receipt with the lines, discounts, VAT, total and the transaction barcode, æøå intact', async () => {
    const { done } = await paidVisit();
    const [receipt] = await printed(1);
    expect(receipt!.text).toContain('Blåbærgrød');
    expect(receipt!.text).toMatch(/CVR/);
    expect(receipt!.text).toMatch(/Cola 3 for 2/);
    expect(receipt!.text).toMatch(/moms/i);
    expect(receipt!.text).toMatch(/I ALT DKK +77,90/); // 12,95 + 3 × 20,00 − 20,00 + 24,95
    expect(receipt!.text).toMatch(/Moms 25 % \(netto 62,32\) +15,58/);
    expect(receipt!.barcodes).toEqual([done.receipt!.saleId]);
    expect(receipt!.text).not.toMatch(/541333/); // never more than the last four card digits
    expect(done.totals.total).toBe(7790);
  });

  it('a printer out of paper is explained on the lane, the receipt waits, and prints once paper is back; the sale stands', async () => {
    const catalog = testCatalog();
    t = await startTestHub({ catalog, terminal: true, printer: true, config: { checkout: { thankYouSeconds: 30, printRetryMs: 100 } } });
    t.printer!.setState('paper-out');
    const kiosk = await t.client(TOKENS.kiosk1);
    const cfd = await t.client(TOKENS.cfd1);
    await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code: MILK });
    const problem = nextSnapshot(cfd, (s) => s.printer?.reason === 'paper-out', 10_000);
    await kiosk.emitWithAck('lane:pay', { key: randomUUID() });
    const s = await problem;
    expect(s.printer?.message.da).toMatch(/papir/);
    expect(s.status).toBe('finished');
    expect(await t.db.all('SELECT status FROM sales')).toEqual([{ status: 'paid' }]);
    expect(t.printer!.receipts).toHaveLength(0);
    const fixed = nextSnapshot(cfd, (x) => x.printer === null, 10_000);
    t.printer!.setState('ready');
    await fixed;
    expect(await printed(1)).toHaveLength(1);
  });

  it('the shopper can have the receipt printed again, once per request', async () => {
    const { kiosk } = await paidVisit();
    await printed(1);
    const key = randomUUID();
    expect(await kiosk.emitWithAck('lane:reprint', { key })).toMatchObject({ ok: true });
    expect(await kiosk.emitWithAck('lane:reprint', { key })).toMatchObject({ ok: true });
    const receipts = await printed(2);
    await new Promise((r) => setTimeout(r, 200));
    expect(receipts).toHaveLength(2);
    expect(receipts[1]!.text).toBe(receipts[0]!.text);
  });

  it('the print queue survives a restart of the hub', async () => {
    t = await startTestHub({ terminal: true, printer: true, config: { checkout: { thankYouSeconds: 30, printRetryMs: 60_000 } } });
    t.printer!.setState('offline');
    const kiosk = await t.client(TOKENS.kiosk1);
    await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code: MILK });
    const cfd = await t.client(TOKENS.cfd1);
    const problem = nextSnapshot(cfd, (s) => s.printer?.reason === 'offline', 10_000);
    await kiosk.emitWithAck('lane:pay', { key: randomUUID() });
    await problem;
    t.printer!.setState('ready');
    // A new hub on the same database finds the queued receipt at start.
    const { createHub } = await import('../../hub/src/app.js');
    const { createLogger } = await import('../../hub/src/log.js');
    const { printersFromConfig } = await import('../../hub/src/devices/printers.js');
    const { testConfig } = await import('../helpers/hub.js');
    await t.hub.stop();
    const config = testConfig(t.dir, { lanes: [{ id: 'lane-1', name: 'Lane 1', printer: { host: '127.0.0.1', port: t.printer!.port } }, { id: 'lane-2', name: 'Lane 2' }] });
    const printers = printersFromConfig(config);
    const again = createHub({ config, db: t.db, log: createLogger('silent'), printers: (id) => printers.get(id) ?? null });
    await again.start();
    await again.printing.idle();
    expect(await printed(1)).toHaveLength(1);
    await again.stop();
  });
});
