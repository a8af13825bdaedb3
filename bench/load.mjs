// One load-generator process: connects its share of lanes and scans at a fixed rate or as fast as acks return.
// Usage: node load.mjs <url> <mode: rate|closed> <seconds> <warmupSeconds> <scansPerSecond> <tokens,...> <codes,...>
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';

const [url, mode, seconds, warmup, rate, tokenList, codeList] = process.argv.slice(2);
const tokens = tokenList.split(',');
const codes = codeList.split(',');
const durationMs = Number(seconds) * 1000;
const warmupMs = Number(warmup) * 1000;
const CANCEL_EVERY = 40; // a shopper's basket, then the next shopper

const latencies = [];
let errors = 0;
let measuring = false;

function connect(token) {
  return new Promise((resolve, reject) => {
    const s = io(url, { auth: { token }, transports: ['websocket'], reconnection: false });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

async function scanOnce(socket, n) {
  const started = process.hrtime.bigint();
  const ack = await socket.timeout(10_000).emitWithAck('lane:scan', { key: randomUUID(), code: codes[n % codes.length], source: 'wedge' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (measuring) {
    latencies.push(ms);
    if (!ack.ok) errors++;
  }
  if (n % CANCEL_EVERY === CANCEL_EVERY - 1) await socket.timeout(10_000).emitWithAck('lane:cancel', { key: randomUUID() });
}

async function lane(socket, index, stopAt) {
  let n = index * 7;
  if (mode === 'closed') {
    while (Date.now() < stopAt) await scanOnce(socket, n++).catch(() => errors++);
    return;
  }
  const interval = 1000 / Number(rate);
  await new Promise((r) => setTimeout(r, Math.random() * interval)); // spread the lanes over the interval
  const pending = [];
  let next = Date.now();
  while (Date.now() < stopAt) {
    pending.push(scanOnce(socket, n++).catch(() => errors++));
    next += interval;
    await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
  }
  await Promise.all(pending);
}

const sockets = await Promise.all(tokens.map(connect));
const start = Date.now();
setTimeout(() => (measuring = true), warmupMs);
const measureStart = start + warmupMs;
await Promise.all(sockets.map((s, i) => lane(s, i, start + warmupMs + durationMs)));
const measuredMs = Date.now() - measureStart;
for (const s of sockets) s.disconnect();
// Exit only once the (large) result has been flushed to the pipe.
process.stdout.write(JSON.stringify({ latencies, errors, measuredMs }), () => process.exit(0));
