/** Each lane's payment terminal from the configuration, and simulated ones for the demo store. */
import type { Config } from '../config.js';
import { AdyenTerminal, type PaymentTerminal } from './payment/index.js';
import { DEMO_POI_ID, DEMO_TERMINAL_KEY, startTerminalSimulator, type TerminalSimulator } from './payment/simulator/index.js';

export function terminalsFromConfig(config: Config): Map<string, PaymentTerminal> {
  const terminals = new Map<string, PaymentTerminal>();
  for (const lane of config.lanes) {
    const t = lane.terminal;
    if (!t) continue;
    terminals.set(
      lane.id,
      new AdyenTerminal({
        endpoint: t.endpoint,
        poiId: t.poiId,
        saleId: `${config.store.id}-${lane.id}`,
        key: { identifier: t.keyIdentifier, version: t.keyVersion, passphrase: t.passphrase },
        caCertPath: t.caCertPath,
        timeoutMs: t.timeoutMs,
      }),
    );
  }
  return terminals;
}

/** Starts one terminal simulator per lane that has no terminal configured, and points the lane at it. */
export async function withDemoTerminals(config: Config): Promise<{ config: Config; simulators: Array<{ laneId: string; sim: TerminalSimulator }> }> {
  const simulators: Array<{ laneId: string; sim: TerminalSimulator }> = [];
  const lanes = [];
  for (const lane of config.lanes) {
    if (lane.terminal) {
      lanes.push(lane);
      continue;
    }
    const sim = await startTerminalSimulator({ ...DEMO_TERMINAL_KEY, poiId: DEMO_POI_ID });
    simulators.push({ laneId: lane.id, sim });
    lanes.push({ ...lane, terminal: { kind: 'adyen' as const, endpoint: sim.url, poiId: sim.poiId, ...DEMO_TERMINAL_KEY, caCertPath: sim.caCertPath, timeoutMs: 150_000 } });
  }
  return { config: { ...config, lanes }, simulators };
}
