// The audit log's filters as the form holds them (local dates, "" for any) and as the hub's query takes them.
import type { AuditFilter } from './manager.js';

export interface AuditForm {
  /** YYYY-MM-DD from <input type="date">, in the station's time zone; "" for no bound. */
  from: string;
  to: string;
  actor: string;
  action: string;
  laneId: string;
  limit: number;
}

/** Midnight starting a local calendar day, as an ISO instant. */
function dayStart(date: string, addDays = 0): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + addDays).toISOString();
}

/** "To" a day includes that whole day: the bound is the next midnight. */
export function auditFilter(form: AuditForm): AuditFilter {
  return {
    from: dayStart(form.from),
    to: dayStart(form.to, 1),
    actor: form.actor || undefined,
    action: form.action.trim() || undefined,
    laneId: form.laneId || undefined,
    limit: form.limit,
  };
}
