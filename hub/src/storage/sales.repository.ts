/** Sales and the payment journal: every attempt is written before the terminal hears of it. */
import type { LaneSnapshot } from '@selfserve/shared';
import type { Param, Statement, Tx } from './db.js';

export type PaymentJournalState = 'sent' | 'unknown' | 'approved' | 'declined' | 'cancelled' | 'failed';

export interface OpenPayment {
  serviceId: string;
  saleId: string;
  laneId: string;
  amount: number;
  currency: string;
  state: PaymentJournalState;
}

const sql = (text: string, ...params: Param[]): Statement => ({ sql: text, params });

export const salesRepository = {
  async lastNumber(tx: Tx): Promise<number> {
    return (await tx.get<{ n: number | null }>('SELECT MAX(number) AS n FROM sales'))?.n ?? 0;
  },

  /** Payments whose outcome is not known yet: resolved with the terminal before their lane goes on. */
  openPayments(tx: Tx): Promise<OpenPayment[]> {
    return tx.all<OpenPayment>(
      `SELECT p.service_id AS serviceId, p.sale_id AS saleId, s.lane_id AS laneId, p.amount, p.currency, p.state
       FROM payments p JOIN sales s ON s.id = p.sale_id WHERE p.state IN ('sent', 'unknown') ORDER BY p.created_at`,
    );
  },

  /** The lane's newest sales, newest first, for the attendant station's lane history. */
  recentOfLane(tx: Tx, laneId: string, limit: number) {
    return tx.all<{ saleId: string; number: number; status: string; total: number; currency: string; createdAt: string; paidAt: string | null }>(
      `SELECT id AS saleId, number, status, total, currency, created_at AS createdAt, paid_at AS paidAt
       FROM sales WHERE lane_id = ? ORDER BY number DESC LIMIT ?`,
      [laneId, limit],
    );
  },

  /** The basket as priced when the sale's payment started. */
  async basket(tx: Tx, saleId: string): Promise<LaneSnapshot | undefined> {
    const row = await tx.get<{ basket: string }>('SELECT basket FROM sales WHERE id = ?', [saleId]);
    return row ? (JSON.parse(row.basket) as LaneSnapshot) : undefined;
  },

  async lastPaidOfLane(tx: Tx, laneId: string): Promise<string | undefined> {
    return (await tx.get<{ id: string }>("SELECT id FROM sales WHERE lane_id = ? AND status = 'paid' ORDER BY number DESC LIMIT 1", [laneId]))?.id;
  },

  insertSale: (s: { id: string; number: number; laneId: string; visitId: string; total: number; currency: string; basket: LaneSnapshot; at: string }) =>
    sql('INSERT INTO sales (id, number, lane_id, visit_id, status, total, currency, basket, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      s.id, s.number, s.laneId, s.visitId, 'pending', s.total, s.currency, JSON.stringify(s.basket), s.at),

  abandonSale: (saleId: string) => sql("UPDATE sales SET status = 'abandoned' WHERE id = ? AND status = 'pending'", saleId),

  markPaid: (saleId: string, at: string) => sql("UPDATE sales SET status = 'paid', paid_at = ? WHERE id = ?", at, saleId),

  insertPayment: (p: { serviceId: string; saleId: string; amount: number; currency: string; at: string }) =>
    sql("INSERT INTO payments (service_id, sale_id, amount, currency, state, created_at, updated_at) VALUES (?, ?, ?, ?, 'sent', ?, ?)",
      p.serviceId, p.saleId, p.amount, p.currency, p.at, p.at),

  updatePayment: (serviceId: string, state: PaymentJournalState, result: unknown, at: string) =>
    sql('UPDATE payments SET state = ?, result = ?, updated_at = ? WHERE service_id = ?', state, result === null ? null : JSON.stringify(result), at, serviceId),
};
