/** Each lane's receipt printer from the configuration, and simulated ones for the demo store. */
import type { Config } from '../config.js';
import { EscPosPrinter, startPrinterSimulator, type PrinterSimulator, type ReceiptPrinter } from './printer/index.js';

export function printersFromConfig(config: Config): Map<string, ReceiptPrinter> {
  const printers = new Map<string, ReceiptPrinter>();
  for (const lane of config.lanes) {
    const p = lane.printer;
    if (p) printers.set(lane.id, new EscPosPrinter({ host: p.host, port: p.port, timeoutMs: p.timeoutMs, width: p.width }));
  }
  return printers;
}

/** Starts one printer simulator per lane that has no printer configured, and points the lane at it. */
export async function withDemoPrinters(config: Config): Promise<{ config: Config; simulators: Array<{ laneId: string; sim: PrinterSimulator }> }> {
  const simulators: Array<{ laneId: string; sim: PrinterSimulator }> = [];
  const lanes = [];
  for (const lane of config.lanes) {
    if (lane.printer) {
      lanes.push(lane);
      continue;
    }
    const sim = await startPrinterSimulator({ host: '127.0.0.1', port: 0 });
    simulators.push({ laneId: lane.id, sim });
    lanes.push({ ...lane, printer: { host: '127.0.0.1', port: sim.port, timeoutMs: 3000, width: 48 } });
  }
  return { config: { ...config, lanes }, simulators };
}
