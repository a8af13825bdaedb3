// The date of birth staff read off an ID and type as DDMMYYYY, checked and turned into the hub's YYYY-MM-DD (pure).
import { ageOn } from '@selfserve/shared/pure';

export const DOB_DIGITS = 8;

export type DateOfBirthEntry =
  | { ok: true; iso: string; age: number }
  | { ok: false; reason: 'incomplete' | 'invalid' | 'future' };

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A local calendar day as YYYY-MM-DD: the store counts birthdays by its own clock, not UTC's. */
export const localIsoDay = (d: Date): string => `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;

/**
 * Reads DDMMYYYY (as printed on Danish IDs): a real day, in the past, from 1900 on. The age is shared's
 * ageOn, the hub's own rule; here only a hint for staff, the hub decides.
 */
export function readDateOfBirth(digits: string, todayIso: string): DateOfBirthEntry {
  if (!/^\d*$/.test(digits) || digits.length < DOB_DIGITS) return { ok: false, reason: 'incomplete' };
  const [day, month, year] = [Number(digits.slice(0, 2)), Number(digits.slice(2, 4)), Number(digits.slice(4, 8))];
  const iso = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  // ageOn answers null both for a day that does not exist and for one after today; on the day itself
  // any real day is 0 years old, which tells the two apart.
  if (year < 1900 || ageOn(iso, iso) === null) return { ok: false, reason: 'invalid' };
  const age = ageOn(iso, todayIso);
  if (age === null) return { ok: false, reason: 'future' };
  return { ok: true, iso, age };
}

/** The digits typed so far in the shape of the date, "17-05-19__", so staff see which part they are typing. */
export function dateOfBirthMask(digits: string): string {
  const d = digits.padEnd(DOB_DIGITS, '_');
  return `${d.slice(0, 2)}-${d.slice(2, 4)}-${d.slice(4, 8)}`;
}
