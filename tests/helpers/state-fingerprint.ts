/**
 * A hub's state as a comparable value: every lane's snapshot (as a station sees it) and every row of
 * every table, minus what a refused request may legitimately leave behind. Two fingerprints differ
 * exactly where a change happened, and `differences` names it.
 */
import { createHash } from 'node:crypto';
import type { LaneSnapshot } from '@selfserve/shared';
import type { Database } from '../../hub/src/storage/db.js';

/**
 * What a refusal may write, and why it is left out:
 * - `audit_log`: refused sign-ins, PINs and pairing codes are audited by design (append-only);
 * - `sqlite_sequence`: AUTOINCREMENT counters, which move with audit_log;
 * - `idempotency` rows whose stored answer is a refusal (`"ok":false`): a request is recorded with its
 *   answer so that a replay gets the same refusal; a stored success still counts;
 * - `staff.failed_attempts`, `staff.locked_until`: the lockout's own bookkeeping, which PIN guessing
 *   must move; every other staff column (PIN hash, role, active) still counts.
 */
export const EXCLUDED_TABLES = new Set(['audit_log', 'sqlite_sequence']);
const EXCLUDED_COLUMNS: Record<string, readonly string[]> = { staff: ['failed_attempts', 'locked_until'] };
const isStoredRefusal = (table: string, row: Record<string, unknown>) => table === 'idempotency' && String(row.ack).startsWith('{"ok":false');

export interface TableState {
  count: number;
  hash: string;
  rows: string[];
}

export interface Fingerprint {
  snapshots: Record<string, string>;
  tables: Record<string, TableState>;
  /** Own keys of Object.prototype: a `__proto__` payload that polluted it would show here. */
  prototype: string;
}

/** Whether a difference is expected in one case (e.g. another lane scanning on purpose meanwhile). */
export interface Allowed {
  lanes?: readonly string[];
  row?: (table: string, row: string) => boolean;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

export async function fingerprint(db: Database, snapshots: LaneSnapshot[]): Promise<Fingerprint> {
  const tables: Record<string, TableState> = {};
  const names = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  for (const { name } of names) {
    if (EXCLUDED_TABLES.has(name)) continue;
    const drop = EXCLUDED_COLUMNS[name] ?? [];
    const rows = (await db.all<Record<string, unknown>>(`SELECT * FROM "${name}"`))
      .filter((row) => !isStoredRefusal(name, row))
      .map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).filter(([column]) => !drop.includes(column)))))
      .sort();
    tables[name] = { count: rows.length, hash: sha(rows.join('\n')), rows };
  }
  return {
    snapshots: Object.fromEntries(snapshots.map((s) => [s.laneId, JSON.stringify(s)])),
    tables,
    prototype: Object.getOwnPropertyNames(Object.prototype).sort().join(),
  };
}

/** Every difference between two fingerprints that `allowed` does not excuse, as readable lines. */
export function differences(before: Fingerprint, after: Fingerprint, allowed: Allowed = {}): string[] {
  const found: string[] = [];
  for (const lane of new Set([...Object.keys(before.snapshots), ...Object.keys(after.snapshots)])) {
    if (before.snapshots[lane] !== after.snapshots[lane] && !allowed.lanes?.includes(lane)) found.push(`snapshot of ${lane} changed`);
  }
  for (const table of new Set([...Object.keys(before.tables), ...Object.keys(after.tables)])) {
    const a = before.tables[table];
    const b = after.tables[table];
    if (a?.hash === b?.hash) continue;
    const was = new Set(a?.rows ?? []);
    const is = new Set(b?.rows ?? []);
    const excused = (row: string) => allowed.row?.(table, row) ?? false;
    const added = [...is].filter((r) => !was.has(r) && !excused(r));
    const removed = [...was].filter((r) => !is.has(r) && !excused(r));
    if (added.length + removed.length === 0) continue;
    found.push(`${table}: ${a?.count ?? 0} → ${b?.count ?? 0} rows; added ${added.slice(0, 2).join(' ') || 'none'}; removed ${removed.slice(0, 2).join(' ') || 'none'}`);
  }
  if (before.prototype !== after.prototype) found.push(`Object.prototype changed: ${after.prototype}`);
  return found;
}
