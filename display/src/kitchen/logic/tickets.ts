// What the kitchen display shows of the open orders: one ticket per order in the kitchen, routed to a station, and how late it is.
import type { KitchenItem, KitchenStation, OrdersOverview, OrderView } from '@selfserve/shared';
import { type OrderMap, ordersIn } from '../orders/orders.js';

export const STATIONS: readonly KitchenStation[] = ['grill', 'fryer', 'drinks', 'cold'];

/** The station this screen serves (?station=grill), or null for every station. */
export function readStation(search: string): KitchenStation | null {
  const asked = new URLSearchParams(search).get('station');
  return STATIONS.find((s) => s === asked) ?? null;
}

export interface Ticket {
  order: OrderView;
  /** The order's items for this screen's station (all of them without one). */
  items: KitchenItem[];
}

/**
 * The orders being prepared, longest in the kitchen first. A station's screen shows only orders with
 * something for it still to do: once its items are bumped, the order is the other stations' business.
 */
export function kitchenTickets(orders: OrderMap, station: KitchenStation | null): Ticket[] {
  return ordersIn(orders, 'preparing')
    .map((order) => ({ order, items: station ? order.kitchen.filter((i) => i.station === station) : order.kitchen }))
    .filter((t) => station === null || t.items.some((i) => i.bumpedAt === null));
}

export type AgeLevel = 'normal' | 'warn' | 'late';

/** Seconds the order has been in the kitchen at `now` (ms), never negative (the hub's clock may run ahead). */
export function ageSeconds(order: OrderView, now: number): number {
  const since = Date.parse(order.releasedAt ?? order.createdAt);
  return Number.isNaN(since) ? 0 : Math.max(0, Math.floor((now - since) / 1000));
}

export function ageLevel(seconds: number, timing: OrdersOverview['timing']): AgeLevel {
  if (seconds >= timing.lateAfterSeconds) return 'late';
  return seconds >= timing.warnAfterSeconds ? 'warn' : 'normal';
}

/** "4:07", or "1:02:15" past an hour. */
export function formatAge(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * What "bump the order" sends from this screen: the whole order on the all-stations screen; on a station's
 * screen only its own items still open, so the grill never bumps the fries.
 */
export function bumpTargets(ticket: Ticket, station: KitchenStation | null): Array<string | undefined> {
  if (station === null) return [undefined];
  return ticket.items.filter((i) => i.bumpedAt === null).map((i) => i.id);
}

/**
 * Whether each item shows its note. A combo's note comes with every one of its parts; on a screen that
 * shows them together it is printed once, on the first part, rather than three times.
 */
export const showsNote = (items: readonly KitchenItem[]): boolean[] =>
  items.map((item, i) => item.note !== null && !(items[i - 1]?.lineId === item.lineId && items[i - 1]?.note === item.note));
