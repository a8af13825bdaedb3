/** What a lane's sale means at a restaurant: an ordering kiosk's paid basket becomes an order; a counter's pays one. */
import { DomainError, type LaneMode } from '@selfserve/shared';
import type { OrderingHooks } from '../lanes/lanes.service.js';
import type { MenuService } from './menu.service.js';
import type { OrdersService } from './orders.service.js';

export function orderingHooks(menu: MenuService, orders: OrdersService, modes: ReadonlyMap<string, LaneMode>): OrderingHooks {
  const mode = (laneId: string): LaneMode => modes.get(laneId) ?? 'checkout';
  return {
    mode,
    beforePay(d) {
      if (mode(d.lane.id) !== 'order') return;
      const line = menu.firstUnorderable(d.lines);
      if (line) throw new DomainError('sold-out', `${line.menu!.name.da} can no longer be ordered as chosen; change it or take it out`, { lineId: line.lineId });
    },
    salePaid(d, sale) {
      const laneMode = mode(d.lane.id);
      if (laneMode === 'order' && d.visit) {
        const commit = orders.place(
          { laneId: d.lane.id, visitId: d.visit.id, dining: d.visit.dining ?? 'take-away', basket: d.snapshot, lines: d.lines, payment: { method: sale.method, saleId: sale.saleId } },
          d.now,
        );
        d.writes.push(...commit.statements);
        d.lane.order = { id: commit.order.id, number: commit.order.number, payAt: 'kiosk' };
        return commit;
      }
      const waiting = laneMode === 'counter' && d.visit ? orders.awaitingByVisit(d.visit.id) : undefined;
      if (!waiting) return null;
      const commit = orders.pay(waiting.id, { method: sale.method, saleId: sale.saleId }, d.now);
      d.writes.push(...commit.statements);
      d.lane.order = { id: waiting.id, number: waiting.number, payAt: 'counter' };
      return commit;
    },
  };
}
