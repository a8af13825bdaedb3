/** The audit log: rows are only ever inserted; triggers in the schema refuse UPDATE and DELETE. */
import type { Param, Statement, Tx } from './db.js';

export interface AuditRow {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  laneId: string | null;
  deviceId: string | null;
  method: string | null;
  outcome: string;
  /** The JSON text as stored. */
  detail: string | null;
}

export interface AuditFilter {
  /** Inclusive lower bound on `at` (ISO 8601). */
  from?: string | undefined;
  /** Exclusive upper bound on `at` (ISO 8601). */
  to?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  laneId?: string | undefined;
  limit: number;
}

export const auditRepository = {
  insert: (e: Omit<AuditRow, 'id'>): Statement => ({
    sql: 'INSERT INTO audit_log (at, actor, action, lane_id, device_id, method, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    params: [e.at, e.actor, e.action, e.laneId, e.deviceId, e.method, e.outcome, e.detail],
  }),

  /** Newest first. */
  query(tx: Tx, f: AuditFilter): Promise<AuditRow[]> {
    const where: string[] = [];
    const params: Param[] = [];
    const add = (clause: string, value: string | undefined) => {
      if (value === undefined) return;
      where.push(clause);
      params.push(value);
    };
    add('at >= ?', f.from);
    add('at < ?', f.to);
    add('actor = ?', f.actor);
    add('action = ?', f.action);
    add('lane_id = ?', f.laneId);
    return tx.all<AuditRow>(
      `SELECT id, at, actor, action, lane_id AS laneId, device_id AS deviceId, method, outcome, detail FROM audit_log
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
      [...params, f.limit],
    );
  },
};
