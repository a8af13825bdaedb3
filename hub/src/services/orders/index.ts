/** The restaurant's services, wired from the configuration: menu, orders, and what lanes must know of them. */
import type { LaneMode, Menu } from '@selfserve/shared';
import type { Config } from '../../config.js';
import type { Clock } from '../../clock.js';
import type { Database } from '../../storage/db.js';
import { kitchenTicketStatements } from '../printing/tickets.js';
import { orderingHooks } from './hooks.js';
import { MenuService } from './menu.service.js';
import { OrdersService } from './orders.service.js';

export { MenuService } from './menu.service.js';
export { OrdersService } from './orders.service.js';
export { OrderingService } from './ordering.service.js';

export function restaurantServices(o: { config: Config; db: Database; clock: Clock; menu: Menu | null; onReleased: (stations: string[]) => void }) {
  const { config, db, clock } = o;
  const modes = new Map<string, LaneMode>(config.lanes.map((l) => [l.id, l.mode]));
  const menu = new MenuService({ db, clock, timeZone: config.store.timeZone, menu: o.menu });
  const orders = new OrdersService({
    db,
    clock,
    timeZone: config.store.timeZone,
    numbers: config.restaurant.orderNumbers,
    readySeconds: config.restaurant.readySeconds,
    timing: { warnAfterSeconds: config.restaurant.kitchen.warnAfterSeconds, lateAfterSeconds: config.restaurant.kitchen.lateAfterSeconds },
    kitchenTickets: kitchenTicketStatements(config),
    onReleased: (order) => o.onReleased([...new Set(order.kitchen.map((k) => k.station))]),
  });
  return { modes, menu, orders, hooks: orderingHooks(menu, orders, modes) };
}
