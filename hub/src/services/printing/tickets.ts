/** The restaurant's printed tickets: the guest's "pay at the counter" ticket and each kitchen station's ticket. */
import { buildKitchenTicket, buildOrderTicket, type KitchenStation, type ReceiptDocument } from '@selfserve/shared';
import type { Config } from '../../config.js';
import type { Statement } from '../../storage/db.js';
import { printJobsRepository } from '../../storage/print-jobs.repository.js';
import type { OrderRow } from '../../storage/orders.repository.js';
import { kitchenQueue } from '../../devices/printers.js';
import type { OrderingDeps } from '../orders/ordering.service.js';

const localeOf = (config: Config) => (config.store.locale === 'da-DK' ? 'da-DK' : 'en-GB');

export function orderTicketBuilder(config: Config, hasPrinter: (laneId: string) => boolean): OrderingDeps['ticket'] {
  const widths = new Map(config.lanes.map((l) => [l.id, l.printer?.width ?? 48]));
  return (laneId, { number, basket, time }): ReceiptDocument | null =>
    hasPrinter(laneId)
      ? buildOrderTicket({
          storeName: config.store.name,
          number,
          dining: basket.dining,
          time,
          timeZone: config.store.timeZone,
          locale: localeOf(config),
          currency: basket.totals.currency,
          lines: basket.lines,
          total: basket.totals.total,
          width: widths.get(laneId) ?? 48,
        })
      : null;
}

/** One ticket per station that has a printer and something to make for the order. */
export function kitchenTicketStatements(config: Config): (order: OrderRow) => Statement[] {
  const printers = config.restaurant.kitchen.printers;
  return (order) =>
    (Object.keys(printers) as KitchenStation[]).flatMap((station) => {
      const items = order.kitchen.filter((k) => k.station === station);
      if (items.length === 0) return [];
      const doc = buildKitchenTicket({ number: order.number, dining: order.dining, station, time: order.releasedAt ?? order.createdAt, timeZone: config.store.timeZone, items, width: printers[station]?.width ?? 48 });
      return [printJobsRepository.enqueue(kitchenQueue(station), order.id, doc, order.releasedAt ?? order.createdAt)];
    });
}
