import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Promotion } from '@selfserve/shared';
import { DEMO_POI_ID, DEMO_TERMINAL_KEY, startTerminalSimulator, type TerminalSimulator } from '../../hub/src/devices/payment/simulator/index.js';
import { COLA, MILK, testCatalog } from '../helpers/catalog.js';
import { nextSnapshot } from '../helpers/hub.js';
import { queryFile, connectDevice, startHubProcess, writeConfig, type HubProcess } from '../helpers/process.js';

const TOKEN = 'restart-payment-kiosk-token';
let dir: string;
let sim: TerminalSimulator | undefined;
let hub: HubProcess | undefined;
afterEach(async () => {
  await hub?.kill();
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

function config(promotions: Promotion[], thankYouSeconds: number): string {
  writeFileSync(join(dir, 'catalog.json'), JSON.stringify(testCatalog({ promotions })));
  return writeConfig(dir, {
    http: { host: '127.0.0.1', port: 0 },
    database: { file: join(dir, 'hub.sqlite') },
    catalog: { file: join(dir, 'catalog.json') },
    lanes: [{ id: 'lane-1', name: 'Lane 1', terminal: { kind: 'adyen', endpoint: sim!.url, poiId: sim!.poiId, ...DEMO_TERMINAL_KEY, caCertPath: sim!.caCertPath, timeoutMs: 10_000 } }],
    devices: [{ id: 'k1', kind: 'kiosk', laneId: 'lane-1', token: TOKEN }],
    checkout: { thankYouSeconds, statusRetryMs: 100 },
    log: { level: 'warn' },
  });
}

const connect = (url: string) => connectDevice(url, TOKEN);

const query = <T>(sql: string) => queryFile<T>(join(dir, 'hub.sqlite'), sql);

describe('a hub restarted in the middle of a payment', () => {
  it('keeps the prices the payment started with, even when a promotion ended while it was down', async () => {
    dir = mkdtempSync(join(tmpdir(), 'selfserve-restart-pay-'));
    sim = await startTerminalSimulator({ ...DEMO_TERMINAL_KEY, poiId: DEMO_POI_ID });
    const validTo = new Date(Date.now() + 2500).toISOString();
    const twoForOne: Promotion = { id: 'c-cola-2for1', kind: 'n-for-m', name: { da: 'Cola 2 for 1' }, target: { productIds: ['cola'], departments: [] }, buy: 2, pay: 1, validTo, memberOnly: false };
    const file = config([twoForOne], 60);
    hub = await startHubProcess(file);
    let kiosk = await connect(hub.url);
    for (let i = 0; i < 2; i++) await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code: COLA });
    sim.script({ slow: 3500 }); // the shopper is still at the terminal when the hub dies
    await kiosk.emitWithAck('lane:pay', { key: randomUUID() });
    while (sim.transactions.length === 0) await new Promise((r) => setTimeout(r, 10));
    await hub.kill();
    kiosk.disconnect();
    while (Date.now() <= Date.parse(validTo) + 100) await new Promise((r) => setTimeout(r, 50));

    hub = await startHubProcess(file);
    kiosk = await connect(hub.url);
    const done = await nextSnapshot(kiosk, (s) => s.status === 'finished', 15_000);
    const rows = await query<{ total: number; event: number }>(
      "SELECT s.total, json_extract(o.event, '$.data.totals.total') AS event FROM sales s JOIN outbox o ON json_extract(o.event, '$.subject') = s.id WHERE o.type = 'sale.completed.v1'",
    );
    expect({ charged: Math.round(sim.transactions[0]!.amount * 100), shown: done.totals.total, rows }).toEqual({ charged: 2000, shown: 2000, rows: [{ total: 2000, event: 2000 }] });
    kiosk.disconnect();
  }, 60_000);

  it('ends a thank-you that was showing when it died', async () => {
    dir = mkdtempSync(join(tmpdir(), 'selfserve-restart-thanks-'));
    sim = await startTerminalSimulator({ ...DEMO_TERMINAL_KEY, poiId: DEMO_POI_ID });
    const file = config([], 1);
    hub = await startHubProcess(file);
    let kiosk = await connect(hub.url);
    await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code: MILK });
    const finished = nextSnapshot(kiosk, (s) => s.status === 'finished', 10_000);
    await kiosk.emitWithAck('lane:pay', { key: randomUUID() });
    await finished;
    await hub.kill();
    kiosk.disconnect();
    hub = await startHubProcess(file);
    kiosk = await connect(hub.url);
    await nextSnapshot(kiosk, (s) => s.status === 'idle', 10_000);
    kiosk.disconnect();
  }, 60_000);
});
