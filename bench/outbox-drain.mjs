// The hub's own outbox, drained by its relay into JetStream: the "outbox drain" figure for bench/outbox.mjs
// (a SQLite outbox of N events, read, sent and marked batch by batch, as in a store catching up after an
// outage), and selling while a backlog drains: scan→ack latency of a real hub with 10,000 events waiting
// upstream, against the same hub with none, in the same run.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dist = (path) => import(join(ROOT, 'hub/dist', path));
const quiet = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, fatal() {}, child() { return quiet; } };

async function outboxWith(file, events) {
  const { Database } = await dist('storage/db.js');
  const { outboxRepository } = await dist('storage/outbox.repository.js');
  const db = await Database.open(file);
  const at = new Date().toISOString();
  for (let i = 0; i < events.length; i += 1000) {
    await db.write(events.slice(i, i + 1000).map((e) => outboxRepository.insert({ id: e.id, type: e.type, event: e.json, at })));
  }
  return db;
}

/** The figure: the relay drains an outbox holding ctx.events into the stream; returns the milliseconds it took. */
export async function outboxDrain(ctx) {
  const dir = mkdtempSync(join(tmpdir(), 'selfserve-bench-drain-'));
  const { Relay } = await dist('upstream/relay.js');
  const { createNatsSink } = await dist('upstream/sinks/nats.js');
  const db = await outboxWith(join(dir, 'hub.sqlite'), ctx.events);
  const sink = createNatsSink({ servers: ctx.servers, stream: ctx.stream, storeId: ctx.storeId, subjectPrefix: ctx.subjectPrefix, timeoutMs: 10_000 }, quiet);
  const clock = { now: () => new Date() };
  const relay = new Relay({ db, sink, clock, log: quiet, batchSize: ctx.batchSize, retryMaxMs: 1000, keepDays: 30 });
  try {
    const started = performance.now();
    relay.start();
    while ((await relay.status()).backlog > 0) await new Promise((r) => setTimeout(r, 5));
    return performance.now() - started;
  } finally {
    await relay.stop();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const SCANS = Number(process.env.BENCH_BACKLOG_SCANS ?? 600);
const BACKLOG = Number(process.env.BENCH_BACKLOG_EVENTS ?? 10_000);

/** Scan→ack latencies of one kiosk on a real hub whose outbox holds `backlog` events at start. */
async function selling({ servers, backlog, makeEvents, round }) {
  const dir = mkdtempSync(join(tmpdir(), 'selfserve-bench-selling-'));
  const { createHub } = await dist('app.js');
  const { parseConfig } = await dist('config.js');
  const storeId = `sell-${backlog}-${round}`;
  const config = parseConfig({
    store: { id: storeId },
    http: { host: '127.0.0.1', port: 0 },
    database: { file: join(dir, 'hub.sqlite') },
    lanes: [{ id: 'lane-1', name: 'Lane 1' }],
    devices: [{ id: 'k1', kind: 'kiosk', laneId: 'lane-1', token: 'bench-backlog-kiosk-token' }],
    limits: { eventsPerSecond: 10_000, eventBurst: 10_000 },
    interventions: { quantityApprovalAbove: 0 },
    upstream: { sink: { kind: 'nats', servers: [servers], stream: `SELL_${backlog}_${round}`, timeoutMs: 10_000 } },
    log: { level: 'silent' },
  });
  const db = await outboxWith(config.database.file, makeEvents(storeId, backlog));
  const hub = createHub({ config, db, log: quiet });
  const imported = await hub.catalog.import(JSON.stringify({ products: [{ id: 'milk', name: { da: 'Mælk' }, gtins: ['5700000000011'], price: 1295, department: 'x' }] }), 'json');
  if (!imported.ok) throw new Error(`bench catalog rejected: ${JSON.stringify(imported.issues)}`);
  const { url } = await hub.start();
  const kiosk = io(url, { auth: { token: 'bench-backlog-kiosk-token' }, transports: ['websocket'], reconnection: false });
  await new Promise((resolve, reject) => (kiosk.once('connect', resolve), kiosk.once('connect_error', reject)));
  const latencies = [];
  let drainedDuring = 0;
  try {
    const before = (await hub.relay.status()).backlog;
    for (let i = 0; i < SCANS; i++) {
      if (i > 0 && i % 40 === 0) await kiosk.emitWithAck('lane:cancel', { key: randomUUID() });
      const t0 = performance.now();
      const ack = await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code: '5700000000011' });
      latencies.push(performance.now() - t0);
      if (!ack.ok) throw new Error(`scan refused: ${ack.error.message}`);
    }
    drainedDuring = before - (await hub.relay.status()).backlog;
  } finally {
    kiosk.disconnect();
    await hub.stop();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { latencies, drainedDuring };
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** Selling with a 10,000-event backlog draining against selling with none, alternating, same run. */
export async function sellingWhileDraining({ servers, makeEvents, rounds = 2 }) {
  const runs = { none: [], backlog: [] };
  let drained = 0;
  for (let round = 1; round <= rounds; round++) {
    runs.none.push(...(await selling({ servers, backlog: 0, makeEvents, round })).latencies);
    const r = await selling({ servers, backlog: BACKLOG, makeEvents, round });
    runs.backlog.push(...r.latencies);
    drained += r.drainedDuring;
  }
  const row = (xs) => ({ p50: pct(xs, 50), p99: pct(xs, 99), n: xs.length });
  return { scans: SCANS, backlog: BACKLOG, rounds, none: row(runs.none), draining: row(runs.backlog), drainedPerRound: Math.round(drained / rounds) };
}

export function sellingMarkdown(r) {
  const f = (x) => x.toFixed(2);
  return `### Selling while a ${r.backlog}-event backlog drains to JetStream

One kiosk scans ${r.scans} times in a row (its basket cancelled every 40 scans) on a real hub (compiled build, SQLite
file, NATS sink) whose outbox holds ${r.backlog} events when it starts, against the same hub with an empty outbox,
alternating, ${r.rounds} rounds each. The relay drained about ${r.drainedPerRound} events while the kiosk scanned.

| outbox at start | scans | p50 ms | p99 ms |
| --- | ---: | ---: | ---: |
| empty | ${r.none.n} | ${f(r.none.p50)} | ${f(r.none.p99)} |
| ${r.backlog} events draining | ${r.draining.n} | ${f(r.draining.p50)} | ${f(r.draining.p99)} |
| **draining ÷ empty** | | **${f(r.draining.p50 / r.none.p50)}** | **${f(r.draining.p99 / r.none.p99)}** |
`;
}
