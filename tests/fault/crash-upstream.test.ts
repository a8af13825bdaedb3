import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudEvent } from '@selfserve/shared';
import { DEMO_POI_ID, DEMO_TERMINAL_KEY, startTerminalSimulator, type TerminalSimulator } from '../../hub/src/devices/payment/simulator/index.js';
import { COLA, MILK, testCatalog } from '../helpers/catalog.js';
import { nextSnapshot, type Client } from '../helpers/hub.js';
import { queryFile, connectDevice, startHubProcess, writeConfig, type HubProcess } from '../helpers/process.js';

const TOKEN = 'crash-upstream-kiosk-token';
let dir: string;
let sim: TerminalSimulator;
let hub: HubProcess | undefined;
let configFile: string;

/** Head office: what arrived, and what it does with the next request (answer, hold it, or let the test kill the hub first). */
const office = {
  received: [] as CloudEvent[],
  mode: 'answer' as 'answer' | 'hold' | 'kill-before-answer',
  held: [] as ServerResponse[],
  onRequest: null as (() => Promise<void>) | null,
  url: '',
  close: async () => undefined as void,
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'selfserve-crash-upstream-'));
  sim = await startTerminalSimulator({ ...DEMO_TERMINAL_KEY, poiId: DEMO_POI_ID });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      if (office.mode === 'hold') return void office.held.push(res);
      office.received.push(...(JSON.parse(Buffer.concat(chunks).toString('utf8')) as CloudEvent[]));
      if (office.mode === 'kill-before-answer') {
        office.held.push(res);
        void office.onRequest?.();
        return;
      }
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  office.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
  office.close = () => new Promise((resolve) => server.close(() => resolve()));
  writeFileSync(join(dir, 'catalog.json'), JSON.stringify(testCatalog()));
  configFile = writeConfig(dir, {
    http: { host: '127.0.0.1', port: 0 },
    database: { file: join(dir, 'hub.sqlite') },
    catalog: { file: join(dir, 'catalog.json') },
    lanes: [{ id: 'lane-1', name: 'Lane 1', terminal: { kind: 'adyen', endpoint: sim.url, poiId: sim.poiId, ...DEMO_TERMINAL_KEY, caCertPath: sim.caCertPath, timeoutMs: 10_000 } }],
    devices: [{ id: 'k1', kind: 'kiosk', laneId: 'lane-1', token: TOKEN }],
    checkout: { thankYouSeconds: 0.2, statusRetryMs: 100 },
    upstream: { sink: { kind: 'http', url: office.url, timeoutMs: 60_000 }, retryMaxSeconds: 0.2 },
    log: { level: 'warn' },
  });
});
afterAll(async () => {
  for (const res of office.held) res.destroy();
  await hub?.kill();
  await sim.close();
  await office.close();
  rmSync(dir, { recursive: true, force: true });
});

const connect = (url: string) => connectDevice(url, TOKEN);

const query = <T>(sql: string) => queryFile<T>(join(dir, 'hub.sqlite'), sql);

async function sell(kiosk: Client, code: string): Promise<string> {
  await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code });
  const done = nextSnapshot(kiosk, (s) => s.status === 'finished', 15_000);
  await kiosk.emitWithAck('lane:pay', { key: randomUUID() });
  const saleId = (await done).receipt!.saleId;
  await nextSnapshot(kiosk, (s) => s.status === 'idle', 5000);
  return saleId;
}

describe('a hub killed around the upstream delivery', () => {
  it('loses no event: killed after the sale committed but before head office had it, and after head office had it but before it was marked sent', async () => {
    // 1. The sale commits with its event; head office holds the request; the hub dies before any answer.
    office.mode = 'hold';
    hub = await startHubProcess(configFile);
    let kiosk = await connect(hub.url);
    const first = await sell(kiosk, MILK);
    await expect.poll(() => office.held.length, { timeout: 10_000 }).toBeGreaterThan(0);
    await hub.kill();
    for (const res of office.held.splice(0)) res.destroy();
    expect(office.received).toEqual([]);

    // 2. After restart head office takes the batch, and the hub is killed before it hears the answer.
    office.mode = 'kill-before-answer';
    let killed!: Promise<void>;
    const dead = new Promise<void>((resolve) => {
      office.onRequest = async () => {
        office.onRequest = null;
        killed = hub!.kill();
        await killed;
        resolve();
      };
    });
    hub = await startHubProcess(configFile);
    await dead;
    for (const res of office.held.splice(0)) res.destroy();
    expect(office.received.map((e) => e.subject)).toContain(first);

    // 3. A third life with head office answering: the same event comes again with the same id, then a new sale.
    office.mode = 'answer';
    hub = await startHubProcess(configFile);
    kiosk = await connect(hub.url);
    const second = await sell(kiosk, COLA);
    await expect.poll(async () => (await query<{ n: number }>('SELECT COUNT(*) AS n FROM outbox WHERE delivered_at IS NULL'))[0]!.n, { timeout: 10_000 }).toBe(0);
    kiosk.disconnect();

    const sales = await query<{ id: string }>("SELECT id FROM sales WHERE status = 'paid' ORDER BY number");
    expect(sales.map((s) => s.id)).toEqual([first, second]);
    const outbox = await query<{ id: string; type: string }>('SELECT id, type FROM outbox ORDER BY seq');
    const saleEvents = office.received.filter((e) => e.type === 'sale.completed.v1');
    // Every sale arrived; duplicates carry the same id; nothing arrived that the outbox does not hold.
    expect([...new Set(saleEvents.map((e) => e.subject))]).toEqual([first, second]);
    expect(new Set(saleEvents.filter((e) => e.subject === first).map((e) => e.id)).size).toBe(1);
    expect(saleEvents.filter((e) => e.subject === first).length).toBeGreaterThanOrEqual(2);
    expect(office.received.every((e) => outbox.some((o) => o.id === e.id))).toBe(true);
  }, 90_000);
});
