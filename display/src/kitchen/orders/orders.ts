// The open orders a screen keeps (kitchen, board, counter): the hub's overview, then each order:update taken in.
import type { OrderStatus, OrderView } from '@selfserve/shared';

export type OrderMap = Readonly<Record<string, OrderView>>;

/** collected and cancelled orders leave every screen. */
export const isClosed = (status: OrderStatus): boolean => status === 'collected' || status === 'cancelled';

export const fromOverview = (orders: readonly OrderView[]): OrderMap =>
  Object.fromEntries(orders.filter((o) => !isClosed(o.status)).map((o) => [o.id, o]));

/** The map with `order` taken in: replaced, added, or removed once it is closed. */
export function withOrder(orders: OrderMap, order: OrderView): OrderMap {
  if (isClosed(order.status)) {
    if (!(order.id in orders)) return orders;
    const { [order.id]: _gone, ...rest } = orders;
    return rest;
  }
  return { ...orders, [order.id]: order };
}

/** When an order reached the kitchen, or was ordered if it has not yet: the kitchen's and board's sort key. */
const since = (o: OrderView): string => o.releasedAt ?? o.createdAt;

/** The orders in one status, the one waiting longest first (the number breaks ties). */
export function ordersIn(orders: OrderMap, status: OrderStatus): OrderView[] {
  return Object.values(orders)
    .filter((o) => o.status === status)
    .sort((a, b) => since(a).localeCompare(since(b)) || a.number - b.number);
}

/** Whether this update is the order being bumped to ready (it was preparing here before): what the kitchen may recall. */
export const becameReady = (before: OrderView | undefined, after: OrderView): boolean => after.status === 'ready' && before?.status === 'preparing';

/** The ready orders, the one ready last first: where a guest's eyes land on the board. */
export const readyNewestFirst = (orders: OrderMap): OrderView[] =>
  ordersIn(orders, 'ready').sort((a, b) => (b.readyAt ?? '').localeCompare(a.readyAt ?? '') || b.number - a.number);
