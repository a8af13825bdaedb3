/** The whole hub against a real nats-server -js: sales stream up through its outages, head office's deltas come down. */
import { randomUUID } from 'node:crypto';
import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogDeltaInput, CloudEvent } from '@selfserve/shared';
import { MILK, testCatalog } from '../helpers/catalog.js';
import { nextSnapshot, startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';
import { startNatsServer, type NatsServer } from '../helpers/nats.js';

let t: TestHub | undefined;
let server: NatsServer | undefined;
let nc: NatsConnection | undefined;
afterEach(async () => {
  await t?.close();
  await nc?.close();
  await server?.dispose();
  t = undefined;
  nc = undefined;
  server = undefined;
});

async function start() {
  server = await startNatsServer();
  t = await startTestHub({
    terminal: true,
    config: {
      store: { id: 'nats-store' },
      checkout: { thankYouSeconds: 0.1 },
      upstream: {
        sink: { kind: 'nats', servers: [server.url], stream: 'SALES', timeoutMs: 1000 },
        downstream: { kind: 'nats', servers: [server.url], stream: 'HQ', retryDelayMs: 100 },
        retryMaxSeconds: 0.2,
      },
    },
  });
  nc = await connect({ servers: server.url });
  return t.client(TOKENS.kiosk1);
}

async function sell(kiosk: Client) {
  await nextSnapshot(kiosk, (s) => s.status === 'idle' || s.status === 'scanning', 3000).catch(() => undefined);
  await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code: MILK });
  const done = nextSnapshot(kiosk, (s) => s.status === 'finished', 10_000);
  expect(await kiosk.emitWithAck('lane:pay', { key: randomUUID() })).toMatchObject({ ok: true });
  return (await done).receipt!.saleId;
}

/** Every event in the stream, as stored (duplicates within the window were dropped by JetStream). */
async function streamed(): Promise<CloudEvent[]> {
  // A connection of its own: the test's long-lived one may still be reconnecting after a server restart.
  const reader = await connect({ servers: server!.url });
  try {
    const jsm = await jetstreamManager(reader);
    const info = await jsm.streams.info('SALES');
    const out: CloudEvent[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
      const m = await jsm.streams.getMessage('SALES', { seq });
      out.push(m!.json<CloudEvent>());
    }
    return out;
  } finally {
    await reader.close();
  }
}

const pendingOutbox = async () => (await t!.db.all<{ n: number }>('SELECT COUNT(*) AS n FROM outbox WHERE delivered_at IS NULL'))[0]!.n;

describe('the hub with NATS JetStream', () => {
  it('every sale arrives once in the stream, also those sold while nats-server was down', async () => {
    const kiosk = await start();
    const sold = [await sell(kiosk)];
    await expect.poll(pendingOutbox, { timeout: 10_000 }).toBe(0);
    await server!.stop();
    sold.push(await sell(kiosk), await sell(kiosk));
    expect(await pendingOutbox()).toBeGreaterThan(0); // selling went on; the events wait
    await server!.restart();
    sold.push(await sell(kiosk));
    await expect.poll(pendingOutbox, { timeout: 20_000 }).toBe(0);
    const sales = (await streamed()).filter((e) => e.type === 'sale.completed.v1');
    expect(sales.map((e) => e.subject)).toEqual(sold);
    expect(new Set(sales.map((e) => e.id)).size).toBe(sales.length);
    const ids = await t!.db.all<{ id: string }>("SELECT id FROM outbox WHERE type = 'sale.completed.v1' ORDER BY seq");
    expect(sales.map((e) => e.id)).toEqual(ids.map((r) => r.id));
  }, 60_000);

  it('head office deltas on hq.<store>.> are applied in order; an invalid one changes nothing', async () => {
    const kiosk = await start();
    const js = jetstream(nc!);
    const publish = async (body: CatalogDeltaInput | unknown) => {
      const h = headers();
      h.set('Nats-Msg-Id', randomUUID());
      await js.publish('hq.nats-store.catalog', JSON.stringify(body), { headers: h });
    };
    await publish({ version: 1, upsert: { promotions: [{ id: 'c-milk', name: { da: 'Mælk' }, kind: 'amount-off', target: { productIds: ['milk'] }, amount: 295 }] } });
    await publish({ version: 2, upsert: { products: [{ id: 'bad', name: { da: 'x' }, price: -1, department: 'x' }] } });
    await publish({ version: 2, consent: [{ memberId: 'm1', marketing: true }] });
    await expect.poll(async () => (await t!.db.all<{ value: string }>("SELECT value FROM catalog_meta WHERE key = 'version'"))[0]?.value, { timeout: 10_000 }).toBe('2');
    expect(t!.hub.catalog.counts().products).toBe(testCatalog().products.length);
    expect(t!.hub.catalog.member('m1')?.marketingConsent).toBe(true);
    await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code: MILK });
    const s = await kiosk.emitWithAck('lane:sync', {});
    expect(s).toMatchObject({ ok: true, data: { totals: { total: 1000 } } });
  }, 60_000);
});
