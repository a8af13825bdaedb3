/** The demo store's devices: a simulated terminal, printer and scale for every lane that has none, and their page. */
import type { Router } from 'express';
import type { Config } from '../config.js';
import { demoReceiptRoutes } from '../transport/http/demo-receipts.routes.js';
import { DEMO_POI_ID, DEMO_TERMINAL_KEY, startTerminalSimulator } from './payment/simulator/index.js';
import { startPrinterSimulator } from './printer/index.js';
import { startScaleSimulator } from './scale/index.js';

export interface DemoDevices {
  /** The configuration with every lane pointed at its simulators. */
  config: Config;
  /** The page that shows printed receipts and sets the scales. */
  routes: Router[];
  /** Lines for the start-up banner: what runs where. */
  describe(baseUrl: string): string[];
  close(): Promise<void>;
}

type Lane = Config['lanes'][number];
type DeviceKey = 'terminal' | 'printer' | 'scale';

/** Starts a simulator for each lane without the device, and returns the lanes pointed at them. */
async function simulate<S>(lanes: Lane[], key: DeviceKey, start: () => Promise<S>, point: (sim: S) => Lane[DeviceKey], wants: (lane: Lane) => boolean = () => true) {
  const simulators: Array<{ laneId: string; sim: S }> = [];
  const pointed: Lane[] = [];
  for (const lane of lanes) {
    if (lane[key] || !wants(lane)) {
      pointed.push(lane);
      continue;
    }
    const sim = await start();
    simulators.push({ laneId: lane.id, sim });
    pointed.push({ ...lane, [key]: point(sim) });
  }
  return { lanes: pointed, simulators };
}

export async function startDemoDevices(config: Config): Promise<DemoDevices> {
  const terminals = await simulate(
    config.lanes,
    'terminal',
    () => startTerminalSimulator({ ...DEMO_TERMINAL_KEY, poiId: DEMO_POI_ID }),
    (sim) => ({ kind: 'adyen', endpoint: sim.url, poiId: sim.poiId, ...DEMO_TERMINAL_KEY, caCertPath: sim.caCertPath, timeoutMs: 150_000 }),
  );
  const printers = await simulate(
    terminals.lanes,
    'printer',
    () => startPrinterSimulator({ host: '127.0.0.1', port: 0 }),
    (sim) => ({ host: '127.0.0.1', port: sim.port, timeoutMs: 3000, width: 48 }),
  );
  const scales = await simulate(
    printers.lanes,
    'scale',
    () => startScaleSimulator({ host: '127.0.0.1', port: 0 }),
    (sim) => ({ host: '127.0.0.1', port: sim.port, timeoutMs: 1000, stableWithinMs: 2000 }),
    (lane) => lane.mode === 'checkout', // weighed produce is a grocery's, not a burger bar's
  );
  // A restaurant's grill prints its tickets, so the demo shows a kitchen ticket too.
  const kitchen = config.restaurant.menuFile && !config.restaurant.kitchen.printers.grill ? await startPrinterSimulator({ host: '127.0.0.1', port: 0 }) : null;
  if (kitchen) printers.simulators.push({ laneId: 'kitchen:grill', sim: kitchen });
  const restaurant = kitchen
    ? { ...config.restaurant, kitchen: { ...config.restaurant.kitchen, printers: { ...config.restaurant.kitchen.printers, grill: { host: '127.0.0.1', port: kitchen.port, timeoutMs: 3000, width: 48 } } } }
    : config.restaurant;
  // The back office prints refund slips made at the station and the X and Z reports.
  const office = config.backOffice.printer ? null : await startPrinterSimulator({ host: '127.0.0.1', port: 0 });
  if (office) printers.simulators.push({ laneId: 'back-office', sim: office });
  const backOffice = office ? { printer: { host: '127.0.0.1', port: office.port, timeoutMs: 3000, width: 48 } } : config.backOffice;
  const all = [...terminals.simulators, ...printers.simulators, ...scales.simulators];
  return {
    config: { ...config, lanes: scales.lanes, restaurant, backOffice },
    routes: [demoReceiptRoutes(printers.simulators, scales.simulators)],
    describe: (baseUrl) => [
      ...terminals.simulators.map(({ laneId, sim }) => [`${laneId}: simulated card terminal`, sim.url]),
      ['scales and printed receipts (simulated)', `${baseUrl}/demo/receipts`],
    ].map(([title, url]) => `  ${title!.padEnd(44)} ${url}`),
    close: async () => {
      await Promise.all(all.map(({ sim }) => sim.close()));
    },
  };
}
