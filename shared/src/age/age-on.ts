/** A person's age in whole years on a day, from a date of birth: both as ISO dates (YYYY-MM-DD). */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return [y, mo, d];
}

/** Whole years between `birth` and `on`; null for a date that does not exist or lies after `on`. Born on 29 February, one turns a year older on 1 March in common years. */
export function ageOn(birth: string, on: string): number | null {
  const b = parts(birth);
  const t = parts(on);
  if (!b || !t) return null;
  let age = t[0] - b[0];
  if (t[1] < b[1] || (t[1] === b[1] && t[2] < b[2])) age -= 1;
  return age < 0 ? null : age;
}
