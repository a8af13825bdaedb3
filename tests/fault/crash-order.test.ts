/** A restaurant hub killed while a guest pays: the order reaches the kitchen once, with its number, after the restart. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaneSnapshot, OrdersOverview } from '@selfserve/shared';
import { DEMO_POI_ID, DEMO_TERMINAL_KEY, startTerminalSimulator, type TerminalSimulator } from '../../hub/src/devices/payment/simulator/index.js';
import { testCatalog } from '../helpers/catalog.js';
import { DEMO_MENU_FILE, nextSnapshot } from '../helpers/hub.js';
import { queryFile, connectDevice, startHubProcess, writeConfig, type HubProcess } from '../helpers/process.js';

const KIOSK = 'crash-order-kiosk-token-0001';
const KITCHEN = 'crash-order-kitchen-token-01';
let dir: string;
let sim: TerminalSimulator;
let hub: HubProcess | undefined;
let configFile: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'selfserve-crash-order-'));
  sim = await startTerminalSimulator({ ...DEMO_TERMINAL_KEY, poiId: DEMO_POI_ID });
  writeFileSync(join(dir, 'catalog.json'), JSON.stringify(testCatalog()));
  const terminal = { kind: 'adyen', endpoint: sim.url, poiId: sim.poiId, ...DEMO_TERMINAL_KEY, caCertPath: sim.caCertPath, timeoutMs: 10_000 };
  configFile = writeConfig(dir, {
    http: { host: '127.0.0.1', port: 0 },
    database: { file: join(dir, 'hub.sqlite') },
    catalog: { file: join(dir, 'catalog.json') },
    lanes: [{ id: 'order-1', name: 'Bestilling 1', mode: 'order', terminal }],
    devices: [
      { id: 'k1', kind: 'kiosk', laneId: 'order-1', token: KIOSK },
      { id: 'kd', kind: 'kitchen', token: KITCHEN },
    ],
    restaurant: { menuFile: DEMO_MENU_FILE },
    checkout: { thankYouSeconds: 60, statusRetryMs: 100 },
    log: { level: 'warn' },
  });
});
afterAll(async () => {
  await hub?.kill();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

const query = <T>(sql: string) => queryFile<T>(join(dir, 'hub.sqlite'), sql);
const cola = { kind: 'item', itemId: 'coca-cola' } as const;

describe('a restaurant hub killed while the guest is at the terminal', () => {
  it('finds the approval after the restart, sends the order to the kitchen once, and numbers the next order on', async () => {
    hub = await startHubProcess(configFile);
    const kiosk = await connectDevice(hub.url, KIOSK);
    await kiosk.emitWithAck('order:add', { key: randomUUID(), item: cola, quantity: 2 });
    sim.script({ slow: 1500 });
    expect(await kiosk.emitWithAck('lane:pay', { key: randomUUID() })).toMatchObject({ ok: true });
    while (sim.transactions.length === 0) await new Promise((r) => setTimeout(r, 10));
    await hub.kill();
    kiosk.disconnect();
    expect(await query('SELECT COUNT(*) AS n FROM orders')).toEqual([{ n: 0 }]); // no order before the money

    hub = await startHubProcess(configFile);
    const again = await connectDevice(hub.url, KIOSK);
    const first = await again.emitWithAck('lane:sync', {});
    if (!first.ok) throw new Error(first.error.message);
    const done: LaneSnapshot = first.data.status === 'finished' ? first.data : await nextSnapshot(again, (s) => s.status === 'finished', 15_000);
    expect(done.order).toMatchObject({ number: 1, payAt: 'kiosk' });
    const kitchen = await connectDevice(hub.url, KITCHEN);
    const watched = await kitchen.emitWithAck('orders:watch', {});
    expect(watched).toMatchObject({ ok: true, data: { orders: [{ number: 1, status: 'preparing', total: 5800 }] } });
    expect(await query("SELECT status, number FROM orders")).toEqual([{ status: 'preparing', number: 1 }]);
    expect(sim.transactions).toHaveLength(1);

    // Killed again with the order still in the kitchen: the next guest gets number 2, never a second 1.
    await hub.kill();
    hub = await startHubProcess(configFile);
    const next = await connectDevice(hub.url, KIOSK);
    await next.emitWithAck('order:add', { key: randomUUID(), item: cola, quantity: 1 });
    const finished = nextSnapshot(next, (s) => s.status === 'finished', 15_000);
    expect(await next.emitWithAck('lane:pay', { key: randomUUID() })).toMatchObject({ ok: true });
    expect((await finished).order).toMatchObject({ number: 2 });
    const k2 = await connectDevice(hub.url, KITCHEN);
    const open = (await k2.emitWithAck('orders:watch', {})) as { ok: true; data: OrdersOverview };
    expect(open.data.orders.map((o) => o.number)).toEqual([1, 2]);
    for (const c of [again, kitchen, next, k2]) c.disconnect();
  });
});
