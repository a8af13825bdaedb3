/** The print queue: each receipt waits here until its lane's printer has taken it, across restarts. */
import type { ReceiptDocument } from '@selfserve/shared';
import type { Param, Statement, Tx } from './db.js';

export interface PrintJob {
  id: number;
  laneId: string;
  saleId: string;
  document: ReceiptDocument;
  attempts: number;
}

const sql = (text: string, ...params: Param[]): Statement => ({ sql: text, params });

export const printJobsRepository = {
  async next(tx: Tx, laneId: string): Promise<PrintJob | undefined> {
    const r = await tx.get<{ id: number; lane_id: string; sale_id: string; document: string; attempts: number }>(
      "SELECT * FROM print_jobs WHERE lane_id = ? AND state = 'queued' ORDER BY id LIMIT 1",
      [laneId],
    );
    return r && { id: r.id, laneId: r.lane_id, saleId: r.sale_id, document: JSON.parse(r.document) as ReceiptDocument, attempts: r.attempts };
  },

  async queuedCount(tx: Tx, laneId: string): Promise<number> {
    return (await tx.get<{ n: number }>("SELECT COUNT(*) AS n FROM print_jobs WHERE lane_id = ? AND state = 'queued'", [laneId]))?.n ?? 0;
  },

  async lanesWithQueue(tx: Tx): Promise<string[]> {
    return (await tx.all<{ lane_id: string }>("SELECT DISTINCT lane_id FROM print_jobs WHERE state = 'queued'")).map((r) => r.lane_id);
  },

  enqueue: (laneId: string, saleId: string, document: ReceiptDocument, at: string) =>
    sql("INSERT INTO print_jobs (lane_id, sale_id, document, state, created_at) VALUES (?, ?, ?, 'queued', ?)", laneId, saleId, JSON.stringify(document), at),

  /** A copy of the sale's receipt, queued again (reprint), without reading it first. */
  enqueueCopy: (saleId: string, at: string) =>
    sql(
      `INSERT INTO print_jobs (lane_id, sale_id, document, state, created_at)
       SELECT lane_id, sale_id, document, 'queued', ? FROM print_jobs WHERE sale_id = ? ORDER BY id LIMIT 1`,
      at, saleId,
    ),

  printed: (id: number, at: string) => sql("UPDATE print_jobs SET state = 'printed', printed_at = ?, attempts = attempts + 1 WHERE id = ?", at, id),

  failed: (id: number, error: string) => sql('UPDATE print_jobs SET attempts = attempts + 1, last_error = ? WHERE id = ?', error, id),
};
