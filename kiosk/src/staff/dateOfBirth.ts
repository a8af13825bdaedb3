// The date of birth staff read off an ID and type as DDMMYYYY, checked and turned into the hub's YYYY-MM-DD (pure).

export const DOB_DIGITS = 8;

export type DateOfBirthEntry =
  | { ok: true; iso: string; age: number }
  | { ok: false; reason: 'incomplete' | 'invalid' | 'future' };

/** A local calendar day, as the store counts birthdays. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

export const dayOf = (d: Date): Day => ({ year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() });

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const exists = (y: number, m: number, d: number) => {
  const c = new Date(Date.UTC(y, m - 1, d));
  return c.getUTCFullYear() === y && c.getUTCMonth() === m - 1 && c.getUTCDate() === d;
};

/**
 * Whole years on `today`, by the same rule as the hub's: born on 29 February, one turns a year older on
 * 1 March in common years. Only a hint for staff; the hub decides.
 */
export function ageOn(birth: Day, today: Day): number {
  const before = today.month < birth.month || (today.month === birth.month && today.day < birth.day);
  return today.year - birth.year - (before ? 1 : 0);
}

/** Reads DDMMYYYY (as printed on Danish IDs): a real day, in the past, from 1900 on. */
export function readDateOfBirth(digits: string, today: Day): DateOfBirthEntry {
  if (!/^\d*$/.test(digits) || digits.length < DOB_DIGITS) return { ok: false, reason: 'incomplete' };
  const [day, month, year] = [Number(digits.slice(0, 2)), Number(digits.slice(2, 4)), Number(digits.slice(4, 8))];
  if (year < 1900 || !exists(year, month, day)) return { ok: false, reason: 'invalid' };
  const age = ageOn({ year, month, day }, today);
  if (age < 0) return { ok: false, reason: 'future' };
  return { ok: true, iso: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`, age };
}

/** The digits typed so far in the shape of the date, "17-05-19__", so staff see which part they are typing. */
export function dateOfBirthMask(digits: string): string {
  const d = digits.padEnd(DOB_DIGITS, '_');
  return `${d.slice(0, 2)}-${d.slice(2, 4)}-${d.slice(4, 8)}`;
}
