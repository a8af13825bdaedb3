import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { COLA, MILK, ean13 } from '../helpers/catalog.js';
import { nextSnapshot, startTestHub, TOKENS, type TestHub } from '../helpers/hub.js';
import { createStaff, signIn } from '../helpers/staff.js';
import { redact } from '../../hub/src/log.js';

let t: TestHub;
afterEach(() => t?.close());
const key = () => randomUUID();

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = `([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\\\\n]|\\\\[\\\\"n])*)"`;
// Values are what Go's ParseFloat reads, which takes NaN and Inf in any case: prom-client writes
// "Nan" for the event-loop lag before its first measurement, and Prometheus reads it.
const VALUE = '(?:[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?|[nN][aA][nN]|[+-]?(?:[iI][nN][fF](?:[iI][nN][iI][tT][yY])?))';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{((?:${LABEL}(?:,${LABEL})*)?,?)\\})? (${VALUE})(?: (-?\\d+))?$`);
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const SUFFIXES: Record<string, string[]> = { histogram: ['_bucket', '_sum', '_count'], summary: ['_sum', '_count', ''], counter: [''], gauge: [''], untyped: [''] };

/**
 * A strict reader of the Prometheus text format 0.0.4: every line is a HELP, a TYPE, a comment, a
 * sample or empty; each family has one HELP and one TYPE before its samples, and its samples sit together.
 */
function parseExposition(text: string): Sample[] {
  expect(text.endsWith('\n')).toBe(true);
  const types = new Map<string, string>();
  const helps = new Set<string>();
  const closed = new Set<string>();
  let current: string | null = null;
  const samples: Sample[] = [];
  const familyOf = (name: string) => {
    for (const [family, type] of types) if (SUFFIXES[type]!.some((s) => name === family + s)) return family;
    throw new Error(`sample ${name} has no TYPE before it`);
  };
  const enter = (family: string) => {
    if (family === current) return;
    if (closed.has(family)) throw new Error(`samples of ${family} are not together`);
    if (current) closed.add(current);
    current = family;
  };
  for (const line of text.slice(0, -1).split('\n')) {
    const meta = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
    if (meta) {
      const [, kind, name, rest] = meta as unknown as [string, string, string, string];
      expect(name, line).toMatch(new RegExp(`^${NAME}$`));
      if (kind === 'HELP') {
        if (helps.has(name)) throw new Error(`second HELP for ${name}`);
        helps.add(name);
        expect(rest, line).not.toMatch(/\\(?![\\n])/);
      } else {
        if (types.has(name)) throw new Error(`second TYPE for ${name}`);
        if (!TYPES.has(rest)) throw new Error(`unknown type in: ${line}`);
        types.set(name, rest);
      }
      enter(name);
      continue;
    }
    // The format allows empty lines (prom-client puts one between families) and other comments.
    if (line === '' || line.startsWith('#')) continue;
    const m = SAMPLE.exec(line);
    if (!m) throw new Error(`not a sample line: ${JSON.stringify(line)}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(new RegExp(LABEL, 'g'))) {
      if (l[1]! in labels) throw new Error(`label ${l[1]} twice in: ${line}`);
      labels[l[1]!] = l[2]!.replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1');
    }
    const raw = m[m.length - 2]!;
    const value = /nan/i.test(raw) ? NaN : /inf/i.test(raw) ? (raw.startsWith('-') ? -Infinity : Infinity) : Number(raw);
    enter(familyOf(m[1]!));
    samples.push({ name: m[1]!, labels, value });
  }
  for (const family of types.keys()) expect(helps.has(family), `HELP for ${family}`).toBe(true);
  for (const [family, type] of types) {
    if (type !== 'histogram') continue;
    const buckets = samples.filter((s) => s.name === `${family}_bucket`);
    // A histogram with no observations yet (GC by kind) has no series at all; one with any has +Inf.
    if (buckets.length > 0) expect(buckets.some((b) => b.labels.le === '+Inf'), `${family} has a +Inf bucket`).toBe(true);
  }
  return samples;
}

/** The value of one series; 0 when it is absent (a counter never incremented). */
const valueOf = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.find((s) => s.name === name && Object.keys(labels).length === Object.keys(s.labels).length && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value ?? 0;

async function scrape(headers: Record<string, string> = {}) {
  const res = await fetch(`${t.url}/metrics`, { headers });
  return { res, text: await res.text() };
}

describe('metrics', () => {
  it('GET /metrics is Prometheus text whose numbers are what happened: scans, a decline, a sale, an intervention, a printer out of paper, devices', async () => {
    t = await startTestHub({ terminal: true, printer: true, config: { checkout: { thankYouSeconds: 30, printRetryMs: 100 } } });
    t.printer!.setState('paper-out');
    const kiosk = await t.client(TOKENS.kiosk1);
    const cfd = await t.client(TOKENS.cfd1);
    const station = await t.client(TOKENS.station);
    await signIn(station, await createStaff(t, 'attendant'));

    expect(await kiosk.emitWithAck('lane:scan', { key: key(), code: MILK })).toMatchObject({ ok: true });
    expect(await kiosk.emitWithAck('lane:scan', { key: key(), code: COLA })).toMatchObject({ ok: true });
    expect(await kiosk.emitWithAck('lane:scan', { key: key(), code: ean13('570999999999') })).toMatchObject({ ok: false, error: { code: 'unknown-item' } });

    const called = nextSnapshot(cfd, (s) => s.interventions.length > 0);
    await kiosk.emitWithAck('lane:callStaff', { key: key(), reason: 'help' });
    const help = (await called).interventions[0]!;
    const cleared = nextSnapshot(cfd, (s) => s.interventions.length === 0);
    expect(await station.emitWithAck('staff:resolve', { key: key(), laneId: 'lane-1', interventionId: help.id, outcome: 'approve' })).toMatchObject({ ok: true });
    await cleared;

    t.terminal!.script('decline');
    const declined = nextSnapshot(cfd, (s) => s.payment?.state === 'declined', 10_000);
    await kiosk.emitWithAck('lane:pay', { key: key() });
    await declined;
    const paid = nextSnapshot(cfd, (s) => s.status === 'finished' && s.printer?.reason === 'paper-out', 10_000);
    await kiosk.emitWithAck('lane:pay', { key: key() });
    const done = await paid;

    const { res, text } = await scrape();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const m = parseExposition(text);
    const lane = 'lane-1';
    expect(valueOf(m, 'selfserve_scans_total', { lane, outcome: 'ok' })).toBe(2);
    expect(valueOf(m, 'selfserve_scans_total', { lane, outcome: 'unknown-item' })).toBe(1);
    expect(valueOf(m, 'selfserve_payments_total', { lane, outcome: 'declined' })).toBe(1);
    expect(valueOf(m, 'selfserve_payments_total', { lane, outcome: 'approved' })).toBe(1);
    expect(valueOf(m, 'selfserve_sales_total', { lane })).toBe(1);
    expect(valueOf(m, 'selfserve_sales_amount_minor_total', { lane, currency: 'DKK' })).toBe(done.totals.total);
    expect(done.totals.total).toBeGreaterThan(0);
    expect(valueOf(m, 'selfserve_interventions_opened_total', { lane, reason: 'help' })).toBe(1);
    expect(valueOf(m, 'selfserve_interventions_resolved_total', { lane, reason: 'help', outcome: 'resolved' })).toBe(1);
    expect(valueOf(m, 'selfserve_printer_problem', { lane, reason: 'paper-out' })).toBe(1);
    expect(valueOf(m, 'selfserve_lane_status', { lane, status: 'finished' })).toBe(1);
    expect(valueOf(m, 'selfserve_lane_status', { lane, status: 'scanning' })).toBe(0);
    expect(valueOf(m, 'selfserve_lane_status', { lane: 'lane-2', status: 'idle' })).toBe(1);
    expect(valueOf(m, 'selfserve_connected_devices', { kind: 'kiosk' })).toBe(1);
    expect(valueOf(m, 'selfserve_connected_devices', { kind: 'display' })).toBe(1);
    expect(valueOf(m, 'selfserve_connected_devices', { kind: 'staff' })).toBe(1);
    expect(m.some((s) => s.name === 'selfserve_outbox_backlog')).toBe(true);
    expect(m.some((s) => s.name === 'selfserve_outbox_oldest_pending_seconds')).toBe(true);
    expect(m.some((s) => s.name === 'nodejs_eventloop_lag_seconds')).toBe(true);
    expect(m.some((s) => s.name === 'process_resident_memory_bytes' || s.name === 'process_cpu_seconds_total')).toBe(true);
    // No payment answer was lost, so none counts as unknown.
    expect(valueOf(m, 'selfserve_payments_total', { lane, outcome: 'unknown' })).toBe(0);

    // Paper back: the problem gauge falls away, the sale is not counted twice.
    const fixed = nextSnapshot(cfd, (s) => s.printer === null, 10_000);
    t.printer!.setState('ready');
    await fixed;
    const after = parseExposition((await scrape()).text);
    expect(valueOf(after, 'selfserve_printer_problem', { lane, reason: 'paper-out' })).toBe(0);
    expect(valueOf(after, 'selfserve_sales_total', { lane })).toBe(1);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it('with metrics.token set, a scrape without the bearer token is refused', async () => {
    const token = 'metrics-token-0123456789';
    t = await startTestHub({ config: { metrics: { token } } });
    expect((await scrape()).res.status).toBe(401);
    expect((await scrape({ authorization: 'Bearer wrong-token-0123456789xx' })).res.status).toBe(401);
    const { res, text } = await scrape({ authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(parseExposition(text).length).toBeGreaterThan(0);
  });

  it("every log line about a device names its deviceId and laneId, and a staff PIN never reaches the log", async () => {
    t = await startTestHub({ logFile: true });
    const kiosk = await t.client(TOKENS.kiosk1);
    const anna = await createStaff(t, 'attendant');
    await signIn(kiosk, anna);
    await kiosk.emitWithAck('lane:scan', { key: key(), code: MILK });
    kiosk.disconnect();
    await new Promise((r) => setTimeout(r, 100));
    const text = readFileSync(t.logFile!, 'utf8');
    const lines = text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const device = lines.filter((l) => /^device (connected|disconnected)$/.test(String(l.msg)));
    expect(device.map((l) => l.msg)).toEqual(['device connected', 'device disconnected']);
    for (const l of device) expect(l).toMatchObject({ deviceId: 'k1', laneId: 'lane-1', kind: 'kiosk' });
    // Quoted: a short PIN's digits could turn up inside a timestamp.
    expect(text).not.toContain(`"${anna.pin}"`);
    expect(text).not.toMatch(/"pin":/);
  });

  it('the hub logger censors PINs, card numbers and tokens wherever a payload carries them', () => {
    let out = '';
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => ((out += chunk.toString()), done()) });
    const log = pino({ redact }, sink);
    log.info({ pin: '1234', payload: { pin: '4321', pan: '5413330089010434', token: 'device-token-xyz' }, laneId: 'lane-1' }, 'careless');
    expect(out).not.toMatch(/1234|4321|5413330089010434|device-token-xyz/);
    expect(JSON.parse(out)).toMatchObject({ pin: '[redacted]', payload: { pin: '[redacted]', pan: '[redacted]' }, laneId: 'lane-1' });
  });
});
