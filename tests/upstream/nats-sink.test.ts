/** The NATS sink against a real nats-server -js on loopback: order, msg ids, de-duplication, outages. */
import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SinkError, type OutboxEvent, type Sink } from '../../hub/src/upstream/sink.js';
import { createNatsSink, type NatsSinkOptions } from '../../hub/src/upstream/sinks/nats.js';
import { startNatsServer, type NatsServer } from '../helpers/nats.js';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
let server: NatsServer;
let nc: NatsConnection;
let jsm: JetStreamManager;
const sinks: Sink[] = [];

beforeAll(async () => {
  server = await startNatsServer();
  nc = await connect({ servers: server.url });
  jsm = await jetstreamManager(nc);
});
afterAll(async () => {
  await nc?.close();
  await server?.dispose();
});
afterEach(async () => {
  await Promise.all(sinks.splice(0).map((s) => s.close()));
});

// Streams on one server may not share subjects: each test is its own store.
let stores = 0;
function sink(options: Partial<NatsSinkOptions> = {}) {
  const storeId = `store-${++stores}`;
  const s = createNatsSink({ servers: server.url, stream: `SALES_${stores}`, storeId, timeoutMs: 2000, reconnectWaitMs: 100, ...options }, quiet);
  sinks.push(s);
  return s;
}

let seq = 0;
function events(n: number, type = 'sale.completed.v1', storeId = `store-${stores}`): OutboxEvent[] {
  return Array.from({ length: n }, () => {
    const id = randomUUID();
    const ce = { specversion: '1.0', id, source: `urn:selfserve:store:${storeId}`, type, time: new Date().toISOString(), datacontenttype: 'application/json', data: { n: ++seq } };
    return { seq, id, type, json: JSON.stringify(ce) };
  });
}

/** What the stream holds, read over a connection of its own (the shared one may still be reconnecting). */
async function stored(stream: string) {
  const reader = await connect({ servers: server.url });
  try {
    const jsm = await jetstreamManager(reader);
    const { state } = await jsm.streams.info(stream);
    const out = [];
    for (let s = state.first_seq; s <= state.last_seq && state.messages > 0; s++) {
      const m = await jsm.streams.getMessage(stream, { seq: s });
      if (m) out.push({ subject: m.subject, msgId: m.header.get('Nats-Msg-Id'), json: new TextDecoder().decode(m.data) });
    }
    return out;
  } finally {
    await reader.close();
  }
}

/** Sends until the stream acknowledges, as the relay does; returns the number of failed tries. */
async function sendUntilAccepted(s: Sink, batch: OutboxEvent[], tries = 100) {
  let last: unknown;
  for (let i = 0; i < tries; i++) {
    try {
      await s.send(batch);
      return i;
    } catch (err) {
      expect(err).toBeInstanceOf(SinkError);
      last = err;
    }
  }
  throw new Error(`not accepted after ${tries} tries`, { cause: last });
}

describe('NATS sink', () => {
  it('stores a batch in order on <prefix>.<store>.<type>, each with its event id as Nats-Msg-Id', async () => {
    const s = sink({ stream: 'SALES_ORDER' });
    const batch = [...events(3), ...events(2, 'refund.completed.v1'), ...events(1)];
    await sendUntilAccepted(s, batch);
    const got = await stored('SALES_ORDER');
    expect(got).toEqual(batch.map((e) => ({ subject: `sales.store-${stores}.${e.type}`, msgId: e.id, json: e.json })));
  });

  it('stores a batch sent twice only once (JetStream drops a repeated Nats-Msg-Id)', async () => {
    const s = sink({ stream: 'SALES_DUP' });
    const batch = events(5);
    await sendUntilAccepted(s, batch);
    await s.send(batch);
    await s.send([...batch.slice(3), ...events(2)]);
    const got = await stored('SALES_DUP');
    expect(got).toHaveLength(7);
    expect(new Set(got.map((m) => m.msgId)).size).toBe(7);
  });

  it('creates its stream with the configured de-duplication window', async () => {
    const s = sink({ stream: 'SALES_WINDOW', duplicateWindowMs: 600_000 });
    await sendUntilAccepted(s, events(1));
    const { config } = await jsm.streams.info('SALES_WINDOW');
    expect(config.subjects).toEqual([`sales.store-${stores}.>`]);
    expect(config.duplicate_window).toBe(600_000 * 1_000_000);
  });

  it('uses an existing stream that covers its subjects, without changing it', async () => {
    await jsm.streams.add({ name: 'CHAIN', subjects: ['chain.*.>'] });
    const s = sink({ stream: 'CHAIN', subjectPrefix: 'chain' });
    await sendUntilAccepted(s, events(2));
    const { config, state } = await jsm.streams.info('CHAIN');
    expect(config.subjects).toEqual(['chain.*.>']);
    expect(state.messages).toBe(2);
  });

  it('refuses to send into an existing stream that does not take its subjects, and says why', async () => {
    await jsm.streams.add({ name: 'OTHER', subjects: ['other.>'] });
    const s = sink({ stream: 'OTHER', subjectPrefix: 'elsewhere' });
    await expect(s.send(events(1))).rejects.toThrow(`stream OTHER exists but does not take elsewhere.store-${stores}.>`);
  });

  it('rejects a store id that cannot be a subject token', () => {
    expect(() => createNatsSink({ servers: server.url, stream: 'X', storeId: 'store.one' }, quiet)).toThrow("store id 'store.one' cannot be used");
  });
});

describe('NATS sink through a server outage', () => {
  it('rejects sends while nats-server is down, and delivers again after it restarts without being recreated', async () => {
    const s = sink({ stream: 'SALES_OUTAGE', timeoutMs: 500 });
    const before = events(3);
    await sendUntilAccepted(s, before);

    await server.stop();
    const during = events(3);
    await expect(s.send(during)).rejects.toBeInstanceOf(SinkError);
    await expect(s.send(during)).rejects.toBeInstanceOf(SinkError);

    await server.restart();
    await sendUntilAccepted(s, during);
    const after = events(2);
    await s.send(after);

    const got = await stored('SALES_OUTAGE');
    expect(got.map((m) => m.msgId)).toEqual([...before, ...during, ...after].map((e) => e.id));
  });

  it('loses nothing acknowledged when nats-server is killed (kill -9) and restarted', async () => {
    const s = sink({ stream: 'SALES_KILL', timeoutMs: 500 });
    const batch = events(50);
    await sendUntilAccepted(s, batch);
    await server.stop({ kill: true });
    await server.restart();
    await sendUntilAccepted(s, batch.slice(40));
    const got = await stored('SALES_KILL');
    expect(got.map((m) => m.msgId)).toEqual(batch.map((e) => e.id));
  });
});
