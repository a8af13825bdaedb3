/** The demo store's devices: a simulated terminal, printer and scale for every lane that has none, and their page. */
import type { Router } from 'express';
import type { Config } from '../config.js';
import { demoReceiptRoutes } from '../transport/http/demo-receipts.routes.js';
import { withDemoPrinters } from './printers.js';
import { withDemoScales } from './scales.js';
import { withDemoTerminals } from './terminals.js';

export interface DemoDevices {
  /** The configuration with every lane pointed at its simulators. */
  config: Config;
  /** The page that shows printed receipts and sets the scales. */
  routes: Router[];
  /** Lines for the start-up banner: what runs where. */
  describe(baseUrl: string): string[];
  close(): Promise<void>;
}

export async function startDemoDevices(config: Config): Promise<DemoDevices> {
  const terminals = await withDemoTerminals(config);
  const printers = await withDemoPrinters(terminals.config);
  const scales = await withDemoScales(printers.config);
  return {
    config: scales.config,
    routes: [demoReceiptRoutes(printers.simulators, scales.simulators)],
    describe: (baseUrl) => [
      ...terminals.simulators.map(({ laneId, sim }) => [`${laneId}: simulated card terminal`, sim.url]),
      ['scales and printed receipts (simulated)', `${baseUrl}/demo/receipts`],
    ].map(([title, url]) => `  ${title!.padEnd(44)} ${url}`),
    close: async () => {
      await Promise.all([...terminals.simulators, ...printers.simulators, ...scales.simulators].map(({ sim }) => sim.close()));
    },
  };
}
