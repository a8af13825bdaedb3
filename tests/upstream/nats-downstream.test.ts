/** Head office → store: the durable JetStream consumer against a real nats-server -js on loopback. */
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InvalidMessageError, startNatsDownstream, type ApplyDownstream, type NatsDownstreamOptions } from '../../hub/src/upstream/downstream-nats.js';
import { startNatsServer, type NatsServer } from '../helpers/nats.js';

let server: NatsServer;
let nc: NatsConnection;
let jsm: JetStreamManager;
const running: { stop(): Promise<void> }[] = [];

beforeAll(async () => {
  server = await startNatsServer();
  nc = await connect({ servers: server.url, maxReconnectAttempts: -1, reconnectTimeWait: 100 });
  jsm = await jetstreamManager(nc);
});
afterAll(async () => {
  await nc?.close();
  await server?.dispose();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((d) => d.stop()));
});

function recordingLog() {
  const lines: { level: string; msg: string }[] = [];
  const at = (level: string) => (_obj: unknown, msg?: string) => void lines.push({ level, msg: msg ?? '' });
  return { lines, log: { info: at('info'), warn: at('warn'), error: at('error') } };
}

// Streams on one server may not share subjects: each test is its own store with its own stream.
let stores = 0;
function store() {
  const id = `store-${++stores}`;
  return { id, stream: `HQ_${stores}`, subject: (rest: string) => `hq.${id}.${rest}` };
}

async function start(s: ReturnType<typeof store>, apply: ApplyDownstream, log = recordingLog().log, more: Partial<NatsDownstreamOptions> = {}) {
  const d = await startNatsDownstream({ servers: server.url, storeId: s.id, stream: s.stream, reconnectWaitMs: 100, retryDelayMs: 100, ...more }, apply, log);
  running.push(d);
  return d;
}

async function until(check: () => boolean | Promise<boolean>, what: string) {
  for (let i = 0; i < 750; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`never: ${what}`);
}

const publish = (subject: string, body: unknown) =>
  jetstream(nc).publish(subject, typeof body === 'string' ? body : JSON.stringify(body), { timeout: 1000 });
const consumerInfo = (s: ReturnType<typeof store>) => jsm.consumers.info(s.stream, `hub-${s.id}`);
/** Nothing waits for this consumer: every message is acked or terminated. */
const allDone = async (s: ReturnType<typeof store>, lastSeq: number) => {
  const info = await consumerInfo(s);
  return info.ack_floor.stream_seq === lastSeq && info.num_ack_pending === 0 && info.num_pending === 0;
};

describe('NATS downstream', () => {
  it('creates its stream when missing and applies head office messages in order, acking each', async () => {
    const s = store();
    const applied: unknown[] = [];
    await start(s, async (m) => void applied.push(m));
    await until(() => jsm.streams.info(s.stream).then(() => true, () => false), 'stream created');
    for (let n = 1; n <= 5; n++) await publish(s.subject(n % 2 ? 'catalog.delta' : 'consent.changed'), { n });
    await until(() => applied.length === 5, 'five applied');
    expect(applied).toEqual([1, 2, 3, 4, 5].map((n) => ({ n })));
    await until(() => allDone(s, 5), 'all acked');
  });

  it('acks a message only after apply resolved, and holds the next one back until then', async () => {
    const s = store();
    await jsm.streams.add({ name: s.stream, subjects: [s.subject('>')] });
    let release!: () => void;
    const applied: unknown[] = [];
    await start(s, async (m) => {
      if (applied.length === 0) await new Promise<void>((r) => (release = r));
      applied.push(m);
    });
    await publish(s.subject('catalog.delta'), { n: 1 });
    await publish(s.subject('catalog.delta'), { n: 2 });
    await until(async () => (await consumerInfo(s)).num_ack_pending === 1 && release !== undefined, 'first delivered');
    expect((await consumerInfo(s)).ack_floor.stream_seq).toBe(0);
    expect(applied).toEqual([]);
    release();
    await until(() => allDone(s, 2), 'both acked');
    expect(applied).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('terminates a message apply finds invalid (and one that is not JSON), logs it, and goes on', async () => {
    const s = store();
    await jsm.streams.add({ name: s.stream, subjects: [s.subject('>')] });
    const seen: unknown[] = [];
    const { lines, log } = recordingLog();
    await start(
      s,
      async (m) => {
        seen.push(m);
        if ((m as { bad?: boolean }).bad) throw new InvalidMessageError('no such product');
      },
      log,
    );
    await publish(s.subject('catalog.delta'), { n: 1 });
    await publish(s.subject('catalog.delta'), { bad: true });
    await publish(s.subject('catalog.delta'), '{not json');
    await publish(s.subject('catalog.delta'), { n: 2 });
    await until(() => allDone(s, 4), 'all acked or terminated');
    expect(seen).toEqual([{ n: 1 }, { bad: true }, { n: 2 }]);
    expect((await consumerInfo(s)).num_redelivered).toBe(0);
    expect(lines.filter((l) => l.level === 'error' && l.msg.includes('terminated'))).toHaveLength(2);
  });

  it('sends a message whose apply failed for another reason again, before any later one', async () => {
    const s = store();
    await jsm.streams.add({ name: s.stream, subjects: [s.subject('>')] });
    const attempts: unknown[] = [];
    let failures = 2;
    await start(s, async (m) => {
      attempts.push(m);
      if ((m as { n: number }).n === 2 && failures-- > 0) throw new Error('database busy');
    });
    for (let n = 1; n <= 3; n++) await publish(s.subject('catalog.delta'), { n });
    await until(() => allDone(s, 3), 'all acked');
    expect(attempts).toEqual([{ n: 1 }, { n: 2 }, { n: 2 }, { n: 2 }, { n: 3 }]);
  });

  it('does not apply acked messages again after the consumer restarts, and picks up where it stopped', async () => {
    const s = store();
    await jsm.streams.add({ name: s.stream, subjects: [s.subject('>')] });
    const first: unknown[] = [];
    const d = await start(s, async (m) => void first.push(m));
    for (let n = 1; n <= 3; n++) await publish(s.subject('catalog.delta'), { n });
    await until(() => first.length === 3, 'three applied');
    await d.stop();
    for (let n = 4; n <= 5; n++) await publish(s.subject('catalog.delta'), { n });

    const second: unknown[] = [];
    await start(s, async (m) => void second.push(m));
    await until(() => allDone(s, 5), 'all acked');
    expect(first).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(second).toEqual([{ n: 4 }, { n: 5 }]);
  });

  it('keeps consuming after nats-server restarts', async () => {
    const s = store();
    await jsm.streams.add({ name: s.stream, subjects: [s.subject('>')] });
    const applied: unknown[] = [];
    await start(s, async (m) => void applied.push(m));
    await publish(s.subject('catalog.delta'), { n: 1 });
    await until(() => applied.length === 1, 'first applied');
    await server.restart();
    await until(() => publish(s.subject('catalog.delta'), { n: 2 }).then(() => true, () => false), 'published after restart');
    await until(() => applied.length === 2, 'second applied');
    expect(applied).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('starts while nats-server is down without blocking the hub, and applies once it is back', async () => {
    const s = store();
    await jsm.streams.add({ name: s.stream, subjects: [s.subject('>')] });
    await server.stop();
    const applied: unknown[] = [];
    await start(s, async (m) => void applied.push(m), undefined, { timeoutMs: 500 });
    await server.restart();
    await until(() => publish(s.subject('catalog.delta'), { n: 1 }).then(() => true, () => false), 'published after restart');
    await until(() => applied.length === 1, 'applied');
    expect(applied).toEqual([{ n: 1 }]);
  });

  it("consumes from a stream that head office's stream fills by sourcing, as at a store leaf node", async () => {
    const s = store();
    await jsm.streams.add({ name: `${s.stream}_ORIGIN`, subjects: [s.subject('>')] });
    await jsm.streams.add({ name: s.stream, sources: [{ name: `${s.stream}_ORIGIN`, filter_subject: s.subject('>') }] });
    const applied: unknown[] = [];
    await start(s, async (m) => void applied.push(m));
    await publish(s.subject('catalog.delta'), { n: 1 });
    await publish(s.subject('consent.changed'), { n: 2 });
    await until(() => applied.length === 2, 'both applied');
    expect(applied).toEqual([{ n: 1 }, { n: 2 }]);
  });
});
