/** Refunds of returned goods, and the paid sales they refer to, as the returns desk reads them. */
import type { LaneSnapshot, RefundMethod, RefundState } from '@selfserve/shared';
import type { Param, Statement, Tx } from './db.js';

export interface PaidSale {
  id: string;
  number: number;
  laneId: string;
  visitId: string;
  total: number;
  currency: string;
  basket: LaneSnapshot;
  paidAt: string;
  /** The approved payment's terminal result (card), or null for cash. */
  card: { poiTransactionId: string; poiTimestamp: string; brand: string | null; maskedPan: string | null } | null;
}

export interface RefundRow {
  id: string;
  number: number;
  saleId: string;
  laneId: string;
  method: RefundMethod;
  amount: number;
  lines: Array<{ lineId: string; quantity: number }>;
  state: RefundState;
  reason: string | null;
  staffId: string | null;
  createdAt: string;
}

const sql = (text: string, ...params: Param[]): Statement => ({ sql: text, params });

export const refundsRepository = {
  /** A paid sale by its transaction id (the receipt's barcode) or its receipt number. */
  async paidSale(tx: Tx, code: string): Promise<PaidSale | undefined> {
    const byNumber = /^\d{1,9}$/.test(code);
    const s = await tx.get<{ id: string; number: number; lane_id: string; visit_id: string; total: number; currency: string; basket: string; paid_at: string }>(
      `SELECT id, number, lane_id, visit_id, total, currency, basket, paid_at FROM sales WHERE status = 'paid' AND ${byNumber ? 'number = ?' : 'id = ?'}`,
      [byNumber ? Number(code) : code],
    );
    if (!s) return undefined;
    const p = await tx.get<{ result: string | null }>("SELECT result FROM payments WHERE sale_id = ? AND state = 'approved' ORDER BY updated_at DESC LIMIT 1", [s.id]);
    const result = p?.result ? (JSON.parse(p.result) as Record<string, unknown>) : null;
    const card = result && typeof result.poiTransactionId === 'string'
      ? { poiTransactionId: result.poiTransactionId, poiTimestamp: String(result.poiTimestamp), brand: (result.brand as string | null) ?? null, maskedPan: (result.maskedPan as string | null) ?? null }
      : null;
    return { id: s.id, number: s.number, laneId: s.lane_id, visitId: s.visit_id, total: s.total, currency: s.currency, basket: JSON.parse(s.basket) as LaneSnapshot, paidAt: s.paid_at, card };
  },

  async ofSale(tx: Tx, saleId: string): Promise<RefundRow[]> {
    const rows = await tx.all<Record<string, string | number | null>>('SELECT * FROM refunds WHERE sale_id = ? ORDER BY number', [saleId]);
    return rows.map((r) => ({
      id: String(r.id),
      number: Number(r.number),
      saleId: String(r.sale_id),
      laneId: String(r.lane_id),
      method: r.method as RefundMethod,
      amount: Number(r.amount),
      lines: JSON.parse(String(r.lines)) as RefundRow['lines'],
      state: r.state as RefundState,
      reason: r.result ? ((JSON.parse(String(r.result)) as { reason?: string | null }).reason ?? null) : null,
      staffId: (r.staff_id as string | null) ?? null,
      createdAt: String(r.created_at),
    }));
  },

  async lastNumber(tx: Tx): Promise<number> {
    return (await tx.get<{ n: number | null }>('SELECT MAX(number) AS n FROM refunds'))?.n ?? 0;
  },

  /** Refunds whose terminal answer was never recorded (the hub stopped while it waited). */
  async pending(tx: Tx): Promise<string[]> {
    return (await tx.all<{ id: string }>("SELECT id FROM refunds WHERE state = 'pending'")).map((r) => r.id);
  },

  insert: (r: RefundRow & { serviceId: string | null }) =>
    sql(`INSERT INTO refunds (id, number, sale_id, lane_id, method, amount, lines, state, service_id, staff_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      r.id, r.number, r.saleId, r.laneId, r.method, r.amount, JSON.stringify(r.lines), r.state, r.serviceId, r.staffId, r.createdAt),

  settle: (id: string, state: RefundState, result: unknown, at: string) =>
    sql('UPDATE refunds SET state = ?, result = ?, completed_at = ? WHERE id = ?', state, JSON.stringify(result), at, id),
};
