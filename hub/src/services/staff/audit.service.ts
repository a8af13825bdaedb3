/** Who did what, when, from where: recorded alongside the change it describes, read back and exported. */
import type { Database, Statement } from '../../storage/db.js';
import { auditRepository, type AuditFilter, type AuditRow } from '../../storage/audit.repository.js';
import type { Clock } from '../../clock.js';

export type AuditMethod = 'badge' | 'pin' | 'badge+pin' | 'remote' | 'cli';

export interface AuditEntry {
  /** The staff member's id, or null when nobody is known (a failed sign-in, the command line). */
  actor: string | null;
  action: string;
  laneId?: string | undefined;
  deviceId?: string | undefined;
  method?: AuditMethod | undefined;
  outcome: string;
  detail?: Record<string, unknown> | undefined;
}

export const MAX_AUDIT_ROWS = 10_000;

/** The insert of one audit entry at `at`, to commit with the change it records. */
export function auditStatement(at: string, e: AuditEntry): Statement {
  return auditRepository.insert({
    at,
    actor: e.actor,
    action: e.action,
    laneId: e.laneId ?? null,
    deviceId: e.deviceId ?? null,
    method: e.method ?? null,
    outcome: e.outcome,
    detail: e.detail === undefined ? null : JSON.stringify(e.detail),
  });
}

export class AuditService {
  constructor(private readonly deps: { db: Database; clock: Clock }) {}

  /** The insert as a statement, to be committed in the same write as the change it records. */
  entry(e: AuditEntry): Statement {
    return auditStatement(this.deps.clock.now().toISOString(), e);
  }

  record(e: AuditEntry): Promise<void> {
    return this.deps.db.write([this.entry(e)]);
  }

  /** Newest first, at most MAX_AUDIT_ROWS. */
  query(filter: AuditFilter): Promise<AuditRow[]> {
    const limit = Math.max(1, Math.min(Math.trunc(filter.limit), MAX_AUDIT_ROWS));
    return this.deps.db.tx((tx) => auditRepository.query(tx, { ...filter, limit }));
  }
}

const CSV_COLUMNS = ['id', 'at', 'actor', 'action', 'laneId', 'deviceId', 'method', 'outcome', 'detail'] as const;

/** RFC 4180: CRLF line ends; a field with a comma, quote or line break is quoted, its quotes doubled. */
export function toCsv(rows: AuditRow[]): string {
  const field = (v: string | number | null) => {
    const text = v === null ? '' : String(v);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => field(r[c])).join(','))];
  return lines.join('\r\n') + '\r\n';
}
