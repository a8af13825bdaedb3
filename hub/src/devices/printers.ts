/** Each lane's receipt printer from the configuration. */
import type { Config } from '../config.js';
import { EscPosPrinter, type ReceiptPrinter } from './printer/index.js';

export function printersFromConfig(config: Config): Map<string, ReceiptPrinter> {
  const printers = new Map<string, ReceiptPrinter>();
  for (const lane of config.lanes) {
    const p = lane.printer;
    if (p) printers.set(lane.id, new EscPosPrinter({ host: p.host, port: p.port, timeoutMs: p.timeoutMs, width: p.width }));
  }
  return printers;
}
