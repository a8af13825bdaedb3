import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { LaneSnapshot } from '@selfserve/shared';
import { nextSnapshot, type Client } from '../helpers/hub.js';
import { startHubProcess, type HubProcess } from '../helpers/process.js';

const dir = mkdtempSync(join(tmpdir(), 'selfserve-demo-'));
let hub: HubProcess | undefined;
afterAll(async () => {
  await hub?.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('the demo store as `npm start` runs it', () => {
  it('sells, takes payment at its simulated terminal and prints the receipt on its simulated printer', async () => {
    hub = await startHubProcess(['--demo', '--port', '0', '--db', join(dir, 'demo.sqlite')]);
    expect(await (await fetch(`${hub.url}/healthz`)).json()).toMatchObject({ ok: true, catalog: { products: 217 } });
    // The demo pairs a screen on the hub's own machine by itself, as the kiosk page does on first load.
    const paired = await fetch(`${hub.url}/api/pair/auto`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'kiosk', laneId: 'lane-1' }) });
    const { token } = ((await paired.json()) as { data: { token: string } }).data;
    const kiosk: Client = io(hub.url, { auth: { token }, transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      kiosk.once('connect', () => resolve());
      kiosk.once('connect_error', reject);
    });
    for (const code of ['5701234002000', '5701234008002', '5701234008002', '5701234008002']) {
      expect(await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code })).toMatchObject({ ok: true });
    }
    const done: Promise<LaneSnapshot> = nextSnapshot(kiosk, (s) => s.status === 'finished', 15_000);
    expect(await kiosk.emitWithAck('lane:pay', { key: randomUUID() })).toMatchObject({ ok: true });
    const s = await done;
    // Milk 12,95 + three colas 3-for-2 48,00 + their deposit (pant C) 3 × 3,00.
    expect(s.payment).toMatchObject({ state: 'approved', amount: 6995 });
    await expect.poll(async () => (await fetch(`${hub!.url}/demo/receipts`)).text(), { timeout: 10_000 }).toMatch(/I ALT DKK +69,95/);
    kiosk.disconnect();
  });
});
