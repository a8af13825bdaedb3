import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHIPS, MILK, testCatalog } from '../helpers/catalog.js';
import { connectDevice, startHubProcess, writeConfig, type HubProcess } from '../helpers/process.js';

const TOKEN = 'crash-lane-1-kiosk-token';
let dir: string;
let configFile: string;
let hub: HubProcess | undefined;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'selfserve-crash-'));
  writeFileSync(join(dir, 'catalog.json'), JSON.stringify(testCatalog()));
  configFile = writeConfig(dir, {
    http: { host: '127.0.0.1', port: 0 },
    database: { file: join(dir, 'hub.sqlite') },
    catalog: { file: join(dir, 'catalog.json') },
    lanes: [{ id: 'lane-1', name: 'Lane 1' }],
    devices: [{ id: 'k1', kind: 'kiosk', laneId: 'lane-1', token: TOKEN }],
    limits: { eventsPerSecond: 1000, eventBurst: 1000 },
    // Scans merge into two lines of many units: no staff approval for large quantities in this test.
    interventions: { quantityApprovalAbove: 0 },
    log: { level: 'warn' },
  });
});
afterAll(async () => {
  await hub?.kill();
  rmSync(dir, { recursive: true, force: true });
});

const connect = (url: string) => connectDevice(url, TOKEN);

describe('a hub killed in the middle of scanning', () => {
  it('comes back with every scan it acknowledged, and a replay of an answered scan adds nothing', async () => {
    hub = await startHubProcess(configFile);
    const kiosk = await connect(hub.url);
    const acked: Array<{ key: string; code: string }> = [];
    const sent: string[] = [];
    // Scans keep flowing; the process is killed without warning while some are in flight.
    const scanning = (async () => {
      for (let i = 0; i < 400; i++) {
        const key = randomUUID();
        sent.push(key);
        const code = i % 2 === 0 ? MILK : CHIPS;
        try {
          const ack = await kiosk.timeout(2000).emitWithAck('lane:scan', { key, code });
          if (ack.ok) acked.push({ key, code });
        } catch {
          return;
        }
      }
    })();
    while (acked.length < 60) await new Promise((r) => setTimeout(r, 5));
    await hub.kill();
    await scanning;
    kiosk.disconnect();

    hub = await startHubProcess(configFile);
    const again = await connect(hub.url);
    const snap = await again.emitWithAck('lane:sync', {});
    if (!snap.ok) throw new Error(snap.error.message);
    const units = snap.data.lines.reduce((n, l) => n + l.quantity, 0);
    // Every acknowledged scan is there; at most the scans sent but not yet answered may be there too.
    expect(units).toBeGreaterThanOrEqual(acked.length);
    expect(units).toBeLessThanOrEqual(sent.length);
    const last = acked.at(-1)!;
    const replay = await again.emitWithAck('lane:scan', last);
    expect(replay.ok).toBe(true);
    const after = await again.emitWithAck('lane:sync', {});
    expect(after.ok && after.data.lines.reduce((n, l) => n + l.quantity, 0)).toBe(units);
    again.disconnect();
  });
});
