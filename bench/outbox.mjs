// Upstream throughput to NATS JetStream, measured against raw JetStream publishing in the same run: the same
// small CloudEvents, each with its id as Nats-Msg-Id, acks awaited per pipelined batch of 100. Each way of
// delivering is a "figure": a function that sends ctx.events and returns the milliseconds it took. Built in:
// raw publishing and the NATS sink's send(); runOutbox({ figures: { 'outbox drain': fn } }) adds more.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';

const N = Number(process.env.BENCH_OUTBOX_EVENTS ?? 10_000);
const BATCH = Number(process.env.BENCH_OUTBOX_BATCH ?? 100);
const ROUNDS = Number(process.env.BENCH_OUTBOX_ROUNDS ?? 3);
const TARGET = 0.5; // the outbox drain's rate against raw publishing, from the issue

function natsServerBinary() {
  const onPath = spawnSync('sh', ['-c', 'command -v nats-server'], { encoding: 'utf8' }).stdout.trim();
  const bin = onPath || ['/usr/sbin/nats-server', '/usr/bin/nats-server'].find((p) => existsSync(p));
  if (!bin) throw new Error('nats-server is not installed: apt-get install -y nats-server');
  return bin;
}

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

export async function startNats() {
  const bin = natsServerBinary();
  const dir = mkdtempSync(join(tmpdir(), 'selfserve-bench-nats-'));
  const port = await freePort();
  const child = spawn(bin, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise((resolve, reject) => {
    let out = '';
    child.stderr.on('data', (d) => (out += d) && out.includes('Server is ready') && resolve());
    child.once('exit', (code) => reject(new Error(`nats-server exited with ${code}:\n${out}`)));
  });
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `nats://127.0.0.1:${port}`, version, stop };
}

/** Small sale events as the outbox holds them: { seq, id, type, json }. */
export function saleEvents(storeId, n) {
  return Array.from({ length: n }, (_, i) => {
    const id = randomUUID();
    const data = { storeId, saleId: `S-${i + 1}`, laneId: 'lane-1', total: { amount: 4_995, currency: 'DKK' }, lines: 3 };
    const ce = { specversion: '1.0', id, source: `urn:selfserve:store:${storeId}`, type: 'sale.completed.v1', time: new Date().toISOString(), datacontenttype: 'application/json', data };
    return { seq: i + 1, id, type: ce.type, json: JSON.stringify(ce) };
  });
}

const batches = (events, size) => Array.from({ length: Math.ceil(events.length / size) }, (_, i) => events.slice(i * size, (i + 1) * size));

/** JetStream itself: publish with msg ids, a batch in flight at a time, every PubAck awaited. */
async function raw(ctx) {
  const nc = await connect({ servers: ctx.servers });
  try {
    const js = jetstream(nc);
    const started = performance.now();
    for (const batch of batches(ctx.events, ctx.batchSize)) {
      await Promise.all(batch.map((e) => js.publish(`${ctx.subjectPrefix}.${ctx.storeId}.${e.type}`, e.json, { msgID: e.id })));
    }
    return performance.now() - started;
  } finally {
    await nc.close();
  }
}

/** The hub's NATS sink, as the relay calls it: send(batch) after send(batch). */
async function sink(ctx) {
  const { createNatsSink } = await import('../hub/dist/upstream/sinks/nats.js');
  const quiet = { info() {}, warn() {}, error() {} };
  const s = createNatsSink({ servers: ctx.servers, stream: ctx.stream, storeId: ctx.storeId, subjectPrefix: ctx.subjectPrefix, timeoutMs: 10_000 }, quiet);
  try {
    await s.send(saleEvents(ctx.storeId, 1)); // connects and checks the stream before the clock starts
    const started = performance.now();
    for (const batch of batches(ctx.events, ctx.batchSize)) await s.send(batch);
    return performance.now() - started;
  } finally {
    await s.close();
  }
}

export async function runOutbox({ figures = {} } = {}) {
  const all = { 'raw JetStream publish': raw, 'NATS sink send()': sink, ...figures };
  const nats = await startNats();
  const nc = await connect({ servers: nats.url });
  const results = Object.fromEntries(Object.keys(all).map((name) => [name, []]));
  try {
    const jsm = await jetstreamManager(nc);
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [i, [name, figure]] of Object.entries(all).entries()) {
        // Each figure and round has its own store and stream, so none of them meets another's ids.
        const storeId = `bench-${i}-${round}`;
        const ctx = { servers: nats.url, stream: `BENCH_${i}_${round}`, storeId, subjectPrefix: 'sales', batchSize: BATCH, events: saleEvents(storeId, N) };
        await jsm.streams.add({ name: ctx.stream, subjects: [`sales.${storeId}.>`] });
        const ms = await figure(ctx);
        const { state } = await jsm.streams.info(ctx.stream);
        if (state.messages < N) throw new Error(`${name}: the stream holds ${state.messages} of ${N} events`);
        results[name].push(ms);
        console.log(`round ${round}: ${name}: ${N} events in ${ms.toFixed(0)} ms (${((N / ms) * 1000).toFixed(0)}/s)`);
        await jsm.streams.delete(ctx.stream);
      }
    }
  } finally {
    await nc.close();
    await nats.stop();
  }
  const bytes = Math.round(saleEvents('bench-0-1', 100).reduce((sum, e) => sum + Buffer.byteLength(e.json), 0) / 100);
  return { version: nats.version, events: N, bytes, batch: BATCH, rounds: ROUNDS, results };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function outboxMarkdown({ version, events, bytes, batch, rounds, results }) {
  const rate = (name) => (events / median(results[name])) * 1000;
  const base = rate('raw JetStream publish');
  const rows = Object.keys(results).map(
    (name) => `| ${name} | ${results[name].map((ms) => ms.toFixed(0)).join(' / ')} | ${rate(name).toFixed(0)} | ${(rate(name) / base).toFixed(2)} |`,
  );
  const drain = results['outbox drain'] ? rate('outbox drain') / base : undefined;
  return `## Upstream to NATS JetStream against raw JetStream publishing

${events} small sale CloudEvents (${bytes} bytes of JSON each) per figure and round, each published with its id as
\`Nats-Msg-Id\` to a file-backed stream on a local \`${version}\` (\`-js\`, loopback), ${batch} in flight at a time,
every PubAck awaited before the next batch. ${rounds} rounds, figures alternating, each on a fresh stream; rates from the
median round. Machines here are shared and noisy: read the ratio, not the absolute numbers.

| | ms per round | events/s | ÷ raw |
| --- | ---: | ---: | ---: |
${rows.join('\n')}

Target for the whole outbox drain: ≥ ${TARGET} × raw — ${drain === undefined ? 'not measured yet (no outbox drain figure in this run)' : drain >= TARGET ? 'met' : 'NOT met'}.
Options: \`BENCH_OUTBOX_EVENTS\`, \`BENCH_OUTBOX_BATCH\`, \`BENCH_OUTBOX_ROUNDS\`.
`;
}
