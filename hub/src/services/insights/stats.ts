/** Small pure figures of the insights: a median, a ratio, rounding said out loud. */

/** The middle value; for an even count the mean of the two middle ones; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `part / whole`, 0 when the whole is 0, to `decimals` places. */
export function ratio(part: number, whole: number, decimals = 4): number {
  return whole > 0 ? round(part / whole, decimals) : 0;
}

/** Half away from zero, to `decimals` places (money: 0 places, so an average basket is whole øre). */
export function round(value: number, decimals = 0): number {
  // Shifting by the exponent in the number's text keeps 1.005 at 1.005 (× 100 would give 100.4999…).
  const shifted = Math.round(Number(`${Math.abs(value)}e${decimals}`));
  return Math.sign(value) * Number(`${shifted}e-${decimals}`) || 0;
}
