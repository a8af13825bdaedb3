/** Z reports: numbered per scope (a lane, or the store), one per local day each. */
import type { DayReport, ZReportSummary } from '@selfserve/shared';
import type { Param, Statement, Tx } from './db.js';

const sql = (text: string, ...params: Param[]): Statement => ({ sql: text, params });

/** The scope column: a lane's id, or `store`. */
export const scopeOf = (laneId: string | null) => laneId ?? 'store';

export const reportsRepository = {
  async last(tx: Tx, scope: string): Promise<{ number: number; day: string; lastSeq: number | null; createdAt: string } | undefined> {
    return tx.get('SELECT number, day, last_seq AS lastSeq, created_at AS createdAt FROM z_reports WHERE scope = ? ORDER BY number DESC LIMIT 1', [scope]);
  },

  async ofDay(tx: Tx, scope: string, day: string): Promise<DayReport | undefined> {
    const r = await tx.get<{ report: string }>('SELECT report FROM z_reports WHERE scope = ? AND day = ?', [scope, day]);
    return r ? (JSON.parse(r.report) as DayReport) : undefined;
  },

  async recent(tx: Tx, limit: number): Promise<ZReportSummary[]> {
    const rows = await tx.all<{ id: string; report: string }>('SELECT id, report FROM z_reports ORDER BY created_at DESC LIMIT ?', [limit]);
    return rows.map(({ id, report }) => {
      const r = JSON.parse(report) as DayReport;
      return { id, number: r.number ?? 0, laneId: r.laneId, day: r.day, createdAt: r.createdAt, salesAmount: r.sales.amount, refundsAmount: r.refunds.amount, differences: r.terminals.some((t) => t.difference !== null && t.difference !== 0) };
    });
  },

  insert: (id: string, r: DayReport) =>
    sql('INSERT INTO z_reports (id, number, scope, day, last_seq, report, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      id, r.number, scopeOf(r.laneId), r.day, r.journal.lastSeq, JSON.stringify(r), r.createdAt),
};
