/**
 * The store's local calendar: which local day and hour an instant falls in, and the instant a local
 * day starts, in an IANA time zone (Intl only; DST and offsets that are not whole hours included).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalParts {
  /** YYYY-MM-DD */
  day: string;
  /** 0–23 */
  hour: number;
  /** Minutes since local midnight, 0–1439. */
  minuteOfDay: number;
}

function parts(instant: Date, timeZone: string) {
  const p: Record<string, string> = {};
  for (const { type, value } of formatter(timeZone).formatToParts(instant)) p[type] = value;
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day), hour: Number(p.hour), minute: Number(p.minute), second: Number(p.second) };
}

/** The local day and hour of an instant in the store. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const p = parts(instant, timeZone);
  return { day: `${p.year}-${pad(p.month)}-${pad(p.day)}`, hour: p.hour, minuteOfDay: p.hour * 60 + p.minute };
}

/** Local time minus UTC at `instant`, in ms. */
function offsetMs(instant: Date, timeZone: string): number {
  const p = parts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant local midnight starts `day`. Where a DST change skips midnight itself (a few zones
 * change at 00:00), the day starts at the first local time that exists.
 */
export function dayStart(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  // The offset an hour either side of the guess settles which side of a change midnight falls on.
  let guess = wall - offsetMs(new Date(wall), timeZone);
  guess = wall - offsetMs(new Date(guess), timeZone);
  if (localParts(new Date(guess), timeZone).day !== day) {
    // Midnight does not exist that day: the day starts where the offset changed.
    const before = offsetMs(new Date(guess - 3_600_000), timeZone);
    const after = offsetMs(new Date(guess + 3_600_000), timeZone);
    guess = wall - Math.min(before, after);
  }
  return new Date(guess);
}

/** `day` plus `n` calendar days. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Every local day from the one holding `from` to the one holding the last moment before `to`. */
export function daysOf(from: Date, to: Date, timeZone: string): string[] {
  const first = localParts(from, timeZone).day;
  const last = localParts(new Date(Math.max(from.getTime(), to.getTime() - 1)), timeZone).day;
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

const pad = (n: number) => String(n).padStart(2, '0');
