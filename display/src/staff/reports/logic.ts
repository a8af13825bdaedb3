// The End of day tab's pure parts: the scope chosen, the journal's export address, the terminals' verdicts and the Z already taken.
import type { TerminalComparison, ZReportSummary } from '@selfserve/shared';

/** The scope as the select holds it: '' is the whole store, else a lane id; the hub takes the store as no laneId. */
export const scopePayload = (scope: string): { laneId?: string } => (scope === '' ? {} : { laneId: scope });

export type JournalFormat = 'csv' | 'json';

/** A calendar day (YYYY-MM-DD) in the station's own time, for the date fields. */
export function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Both days given and in order: the export is refused otherwise, before asking the hub. */
export const validRange = (from: string, to: string): boolean => DAY.test(from) && DAY.test(to) && from <= to;

export const journalPath = (from: string, to: string, format: JournalFormat): string =>
  `/api/manager/journal?${new URLSearchParams({ from, to, format }).toString()}`;

export const journalFileName = (from: string, to: string, format: JournalFormat): string =>
  `journal-${from}${from === to ? '' : `_${to}`}.${format}`;

/** What a terminal row says: the figures agree, differ (shown in red), or the terminal could not be asked. */
export type TerminalVerdict = 'agree' | 'differs' | 'unavailable';
export function terminalVerdict(c: TerminalComparison): TerminalVerdict {
  if (c.terminal === null || c.difference === null) return 'unavailable';
  return c.difference === 0 ? 'agree' : 'differs';
}

/** The latest Z report of a scope (a lane, or null for the store): the one that answers a second Z the same day. */
export function latestZ(list: readonly ZReportSummary[], laneId: string | null): ZReportSummary | null {
  return list.filter((z) => z.laneId === laneId).reduce<ZReportSummary | null>((best, z) => (!best || z.createdAt > best.createdAt ? z : best), null);
}

/** Newest first, for the list of earlier Z reports. */
export const newestFirst = (list: readonly ZReportSummary[]): ZReportSummary[] => [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
