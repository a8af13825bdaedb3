// The insights' date range: the presets and a custom from–to, as local days of the store the hub takes.

export type RangePreset = 'today' | 'yesterday' | 'week' | 'custom';
export const RANGE_PRESETS: readonly RangePreset[] = ['today', 'yesterday', 'week', 'custom'];

/** Days YYYY-MM-DD in the store's time zone; the hub takes `to` as the whole day. */
export interface RangeQuery {
  from?: string;
  to?: string;
}

export type RangeChoice = { ok: true; query: RangeQuery } | { ok: false; problem: 'incomplete' | 'reversed' | 'too-long' };

/** The hub answers at most this many days at once. */
export const MAX_DAYS = 366;

/** The store's calendar day at `now`, in its time zone (the browser's own until the hub has said which). */
export function storeDay(now: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** Today asks the hub for its own today, so it is right before the station knows the store's time zone. */
export function rangeQuery(preset: RangePreset, today: string, custom: { from: string; to: string }): RangeChoice {
  if (preset === 'today') return { ok: true, query: {} };
  if (preset === 'yesterday') return { ok: true, query: { from: addDays(today, -1), to: addDays(today, -1) } };
  if (preset === 'week') return { ok: true, query: { from: addDays(today, -6), to: today } };
  const { from, to } = custom;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return { ok: false, problem: 'incomplete' };
  if (from > to) return { ok: false, problem: 'reversed' };
  if (dayNumber(to) - dayNumber(from) + 1 > MAX_DAYS) return { ok: false, problem: 'too-long' };
  return { ok: true, query: { from, to } };
}
