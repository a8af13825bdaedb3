/** Restaurant orders: one row per order, its lines and kitchen items as JSON, rewritten on every change. */
import type { DiningOption, KitchenItem, OrderLineView, OrderStatus, OrderView } from '@selfserve/shared';
import type { Param, Statement, Tx } from './db.js';

export interface OrderRow extends OrderView {
  day: string;
  visitId: string;
}

type Raw = Record<string, string | number | null>;

const sql = (text: string, ...params: Param[]): Statement => ({ sql: text, params });

function toOrder(r: Raw): OrderRow {
  const method = r.payment_method as 'card' | 'cash' | null;
  return {
    id: String(r.id),
    number: Number(r.number),
    day: String(r.day),
    laneId: String(r.lane_id),
    visitId: String(r.visit_id),
    status: r.status as OrderStatus,
    dining: r.dining as DiningOption,
    total: Number(r.total),
    currency: String(r.currency),
    payment: method && r.sale_id ? { method, saleId: String(r.sale_id) } : null,
    lines: JSON.parse(String(r.lines)) as OrderLineView[],
    kitchen: JSON.parse(String(r.kitchen)) as KitchenItem[],
    createdAt: String(r.created_at),
    releasedAt: (r.released_at as string | null) ?? null,
    readyAt: (r.ready_at as string | null) ?? null,
    closedAt: (r.closed_at as string | null) ?? null,
  };
}

export const ordersRepository = {
  /** Orders not yet collected or cancelled, oldest first. */
  async open(tx: Tx): Promise<OrderRow[]> {
    const rows = await tx.all<Raw>("SELECT * FROM orders WHERE status IN ('awaiting-payment', 'preparing', 'ready') ORDER BY created_at");
    return rows.map(toOrder);
  },

  /** The newest order's day and number, to go on numbering after a restart. */
  last(tx: Tx): Promise<{ day: string; number: number } | undefined> {
    return tx.get<{ day: string; number: number }>('SELECT day, number FROM orders ORDER BY created_at DESC, rowid DESC LIMIT 1');
  },

  insert: (o: OrderRow) =>
    sql(`INSERT INTO orders (id, number, day, lane_id, visit_id, sale_id, status, dining, total, currency, payment_method, lines, kitchen, created_at, released_at, ready_at, closed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      o.id, o.number, o.day, o.laneId, o.visitId, o.payment?.saleId ?? null, o.status, o.dining, o.total, o.currency, o.payment?.method ?? null,
      JSON.stringify(o.lines), JSON.stringify(o.kitchen), o.createdAt, o.releasedAt, o.readyAt, o.closedAt),

  update: (o: OrderRow) =>
    sql('UPDATE orders SET status = ?, sale_id = ?, payment_method = ?, kitchen = ?, released_at = ?, ready_at = ?, closed_at = ? WHERE id = ?',
      o.status, o.payment?.saleId ?? null, o.payment?.method ?? null, JSON.stringify(o.kitchen), o.releasedAt, o.readyAt, o.closedAt, o.id),
};
