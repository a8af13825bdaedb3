import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateEvent, type CloudEvent } from '@selfserve/shared';
import type { ConfigInput } from '../../hub/src/config.js';
import { pseudonymOf } from '../../hub/src/upstream/pseudonym.js';
import { BEER, COLA, MILK, testCatalog } from '../helpers/catalog.js';
import { nextSnapshot, startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';
import { createStaff, signIn } from '../helpers/staff.js';

const KEY = 'test-pseudonym-key-0123456789-abcdef';
let t: TestHub;
let collector: Collector | undefined;
afterEach(async () => {
  await t?.close();
  await collector?.close();
  collector = undefined;
});

async function start(config: Partial<ConfigInput> = {}, consent = true) {
  const catalog = testCatalog();
  catalog.members = [{ id: 'm1', cardNumber: 'LOY10000001', name: 'Test Member', phone: '4512345678', marketingConsent: consent }];
  t = await startTestHub({ catalog, terminal: true, config: { checkout: { thankYouSeconds: 0.2 }, upstream: { pseudonymKey: KEY, retryMaxSeconds: 0.05 }, ...config } });
  return t.client(TOKENS.kiosk1);
}

const key = () => randomUUID();
const scan = (c: Client, code: string) => c.emitWithAck('lane:scan', { key: key(), code });
async function sell(kiosk: Client, codes: string[]) {
  for (const code of codes) expect(await scan(kiosk, code)).toMatchObject({ ok: true });
  const done = nextSnapshot(kiosk, (s) => s.status === 'finished', 10_000);
  expect(await kiosk.emitWithAck('lane:pay', { key: key() })).toMatchObject({ ok: true });
  return done;
}
const outbox = () => t.db.all<{ seq: number; id: string; type: string; event: string; delivered_at: string | null }>('SELECT * FROM outbox ORDER BY seq');
const fileEvents = (): CloudEvent[] => {
  const dir = join(t.dir, 'upstream');
  return readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as CloudEvent));
};

describe('the outbox', () => {
  it('a paid sale writes sale.completed.v1 with lines, campaigns, VAT and payment, and no card number or name', async () => {
    const kiosk = await start();
    expect(await scan(kiosk, 'LOY10000001')).toMatchObject({ ok: true, data: { added: 'member' } });
    const paid = await sell(kiosk, [MILK, COLA]);
    const rows = await outbox();
    const sale = rows.find((r) => r.type === 'sale.completed.v1')!;
    const event = JSON.parse(sale.event) as CloudEvent<'sale.completed.v1'>;
    expect(validateEvent(event)).toEqual({ ok: true });
    expect(event).toMatchObject({ specversion: '1.0', id: sale.id, source: 'urn:selfserve:store:demo-store', subject: paid.receipt!.saleId });
    expect(event.data).toMatchObject({
      saleId: paid.receipt!.saleId,
      channel: { kind: 'lane', laneId: 'lane-1' },
      deviceId: 'k1',
      lines: [{ productId: 'milk', gtin: MILK.padStart(14, '0'), quantity: 1 }, { productId: 'cola', unitPrice: 1800 }],
      totals: { total: 1295 + 1800, vat: [{ rate: 2500 }] },
      payment: { method: 'card', brand: expect.any(String), entryMode: 'Contactless', amount: 3095 },
      member: { pseudonym: pseudonymOf(KEY, 'm1') },
    });
    const text = sale.event;
    expect(text).not.toContain('Test Member');
    expect(text).not.toContain('4512345678');
    expect(text).not.toMatch(/\*{2,}|\d{4} ?\*/); // no masked card number either
    expect(text).not.toContain('"m1"');
  });

  it('a member without marketing consent leaves no member data upstream', async () => {
    const kiosk = await start({}, false);
    await scan(kiosk, 'LOY10000001');
    await sell(kiosk, [COLA]);
    const sale = (await outbox()).find((r) => r.type === 'sale.completed.v1')!;
    expect(JSON.parse(sale.event).data.member).toBeNull();
  });

  it('the relay delivers to the file sink in order and marks each batch delivered', async () => {
    const kiosk = await start();
    await sell(kiosk, [MILK]);
    await scan(kiosk, MILK);
    await kiosk.emitWithAck('lane:cancel', { key: key() });
    await expect.poll(async () => (await outbox()).every((r) => r.delivered_at !== null), { timeout: 10_000 }).toBe(true);
    const rows = await outbox();
    expect(fileEvents().map((e) => e.id)).toEqual(rows.map((r) => r.id));
    expect(rows.map((r) => r.type)).toEqual(['sale.completed.v1', 'basket.cancelled.v1']);
    const health = (await (await fetch(`${t.url}/healthz`)).json()) as { upstream: { sink: string; backlog: number; lastDeliveredAt: string | null } };
    expect(health.upstream).toMatchObject({ sink: 'file', backlog: 0, lastDeliveredAt: expect.any(String) });
  });

  it('a cancelled basket, a staff void and a resolved intervention each become an event', async () => {
    const kiosk = await start();
    await signIn(kiosk, await createStaff(t, 'attendant'));
    await scan(kiosk, MILK);
    await scan(kiosk, BEER);
    const s = (await kiosk.emitWithAck('lane:sync', {})) as { ok: true; data: { lines: Array<{ lineId: string }>; interventions: Array<{ id: string }> } };
    await kiosk.emitWithAck('staff:voidLine', { key: key(), laneId: 'lane-1', lineId: s.data.lines[0]!.lineId });
    await kiosk.emitWithAck('staff:resolve', { key: key(), laneId: 'lane-1', interventionId: s.data.interventions[0]!.id, outcome: 'approve', method: 'id-seen' });
    await kiosk.emitWithAck('staff:cancelSale', { key: key(), laneId: 'lane-1' });
    const events = (await outbox()).map((r) => JSON.parse(r.event) as CloudEvent);
    expect(events.map((e) => e.type)).toEqual(['line.voided.v1', 'intervention.resolved.v1', 'basket.cancelled.v1']);
    for (const e of events) expect(validateEvent(e)).toEqual({ ok: true });
    expect(events[0]!.data).toMatchObject({ productId: 'milk', quantity: 1, grossPrice: 1295 });
    expect(events[1]!.data).toMatchObject({ reason: 'age-check', outcome: 'approved', method: 'pin' });
    expect(events[2]!.data).toMatchObject({ by: 'staff', lines: [{ productId: 'beer' }] });
  });
});

interface Collector {
  url: string;
  received: CloudEvent[];
  requests: number;
  close(): Promise<void>;
}

/** Head office's HTTP endpoint, failing every third request with a 503. */
async function startCollector(failEvery = 3): Promise<Collector> {
  const c: Collector = { url: '', received: [], requests: 0, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      c.requests += 1;
      if (c.requests % failEvery === 0) {
        res.writeHead(503).end();
        return;
      }
      if (req.headers.authorization !== 'Bearer head-office-token-0123') {
        res.writeHead(401).end();
        return;
      }
      c.received.push(...(JSON.parse(Buffer.concat(chunks).toString('utf8')) as CloudEvent[]));
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  c.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
  c.close = () => new Promise((resolve) => server.close(() => resolve()));
  return c;
}

describe('the http sink', () => {
  it('every event reaches a head office that fails every third request, in order, ids stable', async () => {
    collector = await startCollector();
    const kiosk = await start({ upstream: { sink: { kind: 'http', url: (collector as Collector).url, token: 'head-office-token-0123' }, batchSize: 2, retryMaxSeconds: 0.05, pseudonymKey: KEY } });
    for (let i = 0; i < 4; i++) {
      await scan(kiosk, MILK);
      await kiosk.emitWithAck('lane:cancel', { key: key() });
    }
    await sell(kiosk, [COLA]);
    await expect.poll(async () => (await outbox()).every((r) => r.delivered_at !== null), { timeout: 10_000 }).toBe(true);
    const ids = (await outbox()).map((r) => r.id);
    const seen = [...new Set(collector.received.map((e) => e.id))];
    expect(seen).toEqual(ids);
    expect(collector.requests).toBeGreaterThan(3);
  });
});
