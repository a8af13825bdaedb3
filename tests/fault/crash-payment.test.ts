import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaneSnapshot } from '@selfserve/shared';
import { DEMO_POI_ID, DEMO_TERMINAL_KEY, startTerminalSimulator, type TerminalSimulator } from '../../hub/src/devices/payment/simulator/index.js';
import { MILK, testCatalog } from '../helpers/catalog.js';
import { nextSnapshot } from '../helpers/hub.js';
import { queryFile, connectDevice, startHubProcess, writeConfig, type HubProcess } from '../helpers/process.js';

const TOKEN = 'crash-pay-lane-1-kiosk-token';
let dir: string;
let sim: TerminalSimulator;
let hub: HubProcess | undefined;
let configFile: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'selfserve-crash-pay-'));
  sim = await startTerminalSimulator({ ...DEMO_TERMINAL_KEY, poiId: DEMO_POI_ID });
  writeFileSync(join(dir, 'catalog.json'), JSON.stringify(testCatalog()));
  configFile = writeConfig(dir, {
    http: { host: '127.0.0.1', port: 0 },
    database: { file: join(dir, 'hub.sqlite') },
    catalog: { file: join(dir, 'catalog.json') },
    lanes: [{ id: 'lane-1', name: 'Lane 1', terminal: { kind: 'adyen', endpoint: sim.url, poiId: sim.poiId, ...DEMO_TERMINAL_KEY, caCertPath: sim.caCertPath, timeoutMs: 10_000 } }],
    devices: [{ id: 'k1', kind: 'kiosk', laneId: 'lane-1', token: TOKEN }],
    checkout: { thankYouSeconds: 60, statusRetryMs: 100 },
    log: { level: 'warn' },
  });
});
afterAll(async () => {
  await hub?.kill();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

const connect = (url: string) => connectDevice(url, TOKEN);

const query = <T>(sql: string) => queryFile<T>(join(dir, 'hub.sqlite'), sql);

describe('a hub killed while the customer is at the terminal', () => {
  it('asks the terminal first thing after restart, finds the approval, and finishes the sale without charging twice', async () => {
    hub = await startHubProcess(configFile);
    const kiosk = await connect(hub.url);
    await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code: MILK });
    sim.script({ slow: 1500 }); // the customer takes a while; the terminal approves after the hub is gone
    expect(await kiosk.emitWithAck('lane:pay', { key: randomUUID() })).toMatchObject({ ok: true });
    while (sim.transactions.length === 0) await new Promise((r) => setTimeout(r, 10));
    await hub.kill();
    kiosk.disconnect();
    expect(await query('SELECT state FROM payments')).toEqual([{ state: 'sent' }]); // journaled before the terminal saw it

    hub = await startHubProcess(configFile);
    const again = await connect(hub.url);
    const first = await again.emitWithAck('lane:sync', {});
    if (!first.ok) throw new Error(first.error.message);
    // Until the terminal has answered, the lane is still paying: nothing else can happen at it.
    if (first.data.status === 'payment') {
      expect(await again.emitWithAck('lane:scan', { key: randomUUID(), code: MILK })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    }
    const done: LaneSnapshot = first.data.status === 'finished' ? first.data : await nextSnapshot(again, (s) => s.status === 'finished', 15_000);
    expect(done.payment).toMatchObject({ state: 'approved', amount: 1295 });
    expect(await query('SELECT status FROM sales')).toEqual([{ status: 'paid' }]);
    expect(await query('SELECT state FROM payments')).toEqual([{ state: 'approved' }]);
    expect(sim.transactions).toHaveLength(1);
    again.disconnect();
  });
});
