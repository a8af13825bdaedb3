/** Each lane's receipt printer, each kitchen station's ticket printer (queue `kitchen:<station>`) and the back office's, from the configuration. */
import type { Config } from '../config.js';
import { EscPosPrinter, type ReceiptPrinter } from './printer/index.js';

export function printersFromConfig(config: Config): Map<string, ReceiptPrinter> {
  const printers = new Map<string, ReceiptPrinter>();
  for (const lane of config.lanes) {
    const p = lane.printer;
    if (p) printers.set(lane.id, new EscPosPrinter({ host: p.host, port: p.port, timeoutMs: p.timeoutMs, width: p.width }));
  }
  for (const [station, p] of Object.entries(config.restaurant.kitchen.printers)) {
    if (p) printers.set(kitchenQueue(station), new EscPosPrinter({ host: p.host, port: p.port, timeoutMs: p.timeoutMs, width: p.width }));
  }
  const office = config.backOffice.printer;
  if (office) printers.set(BACK_OFFICE_QUEUE, new EscPosPrinter({ host: office.host, port: office.port, timeoutMs: office.timeoutMs, width: office.width }));
  return printers;
}

/** The print queue of the back office's printer (refund slips made at the station, X and Z reports). */
export const BACK_OFFICE_QUEUE = 'back-office';

/** The print queue of a kitchen station's ticket printer. */
export const kitchenQueue = (station: string) => `kitchen:${station}`;
