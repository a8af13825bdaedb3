/** docs/nats.md's chain set-up for real: a store's leaf node (its own JetStream domain) linked to head office's server. */
import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNatsDownstream } from '../../hub/src/upstream/downstream-nats.js';
import type { OutboxEvent } from '../../hub/src/upstream/sink.js';
import { createNatsSink } from '../../hub/src/upstream/sinks/nats.js';
import { startNatsServer, type NatsServer } from '../helpers/nats.js';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
let headOffice: NatsServer;
let leaf: NatsServer;
let hq: NatsConnection;
let hqm: JetStreamManager;

async function until(check: () => boolean | Promise<boolean>, what: string, tries = 600) {
  for (let i = 0; i < tries; i++) {
    if (await Promise.resolve().then(check).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never: ${what}`);
}

beforeAll(async () => {
  headOffice = await startNatsServer({ domain: 'hq', leafNodes: true });
  leaf = await startNatsServer({ domain: 'store-1', leafRemote: headOffice.leafUrl });
  hq = await connect({ servers: headOffice.url, maxReconnectAttempts: -1, reconnectTimeWait: 100 });
  hqm = await jetstreamManager(hq);
  // The leaf link is up once head office reaches the store's JetStream through its domain.
  await until(() => jetstreamManager(hq, { domain: 'store-1', timeout: 500 }).then(() => true), 'leaf node linked');
});
afterAll(async () => {
  await hq?.close();
  await leaf?.dispose();
  await headOffice?.dispose();
});

function events(n: number): OutboxEvent[] {
  return Array.from({ length: n }, (_, i) => {
    const id = randomUUID();
    const json = JSON.stringify({ specversion: '1.0', id, source: 'urn:selfserve:store:store-1', type: 'sale.completed.v1', time: new Date().toISOString(), data: { i } });
    return { seq: i + 1, id, type: 'sale.completed.v1', json };
  });
}

const held = (stream: string) => hqm.streams.info(stream).then((i) => i.state.messages);

describe('a store leaf node linked to head office', () => {
  it("gives the hub head office's messages for its own store only, through a stream that sources head office's", async () => {
    await hqm.streams.add({ name: 'HQ', subjects: ['hq.>'] });
    const applied: unknown[] = [];
    const downstream = await startNatsDownstream({ servers: leaf.url, storeId: 'store-1', headOffice: { domain: 'hq' }, retryDelayMs: 100 }, async (m) => void applied.push(m), quiet);
    try {
      const js = jetstream(hq);
      await js.publish('hq.store-2.catalog.delta', JSON.stringify({ n: 0 }));
      await js.publish('hq.store-1.catalog.delta', JSON.stringify({ n: 1 }));
      await js.publish('hq.store-1.consent.changed', JSON.stringify({ n: 2 }));
      await until(() => applied.length === 2, 'both applied');
      expect(applied).toEqual([{ n: 1 }, { n: 2 }]);
    } finally {
      await downstream.stop();
    }
  });

  it('acknowledges sales at the store while head office is down, and head office gets them all once it is back', async () => {
    const sink = createNatsSink({ servers: leaf.url, stream: 'SALES', storeId: 'store-1', timeoutMs: 2000 }, quiet);
    try {
      const before = events(3);
      await until(() => sink.send(before).then(() => true), 'first batch accepted');
      await hqm.streams.add({ name: 'SALES_ALL', sources: [{ name: 'SALES', external: { api: '$JS.store-1.API', deliver: '' } }] });
      await until(async () => (await held('SALES_ALL')) === 3, 'head office has the first batch');

      await headOffice.stop();
      await sink.send(events(4));
      await headOffice.restart();
      await until(async () => (await held('SALES_ALL')) === 7, 'head office caught up');
    } finally {
      await sink.close();
    }
  }, 90_000);
});
