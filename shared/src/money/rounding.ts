/** Exact integer rounding of rational money results, half away from zero. */

/**
 * Rounds numerator / denominator to the nearest integer; halves go away from zero
 * (2.5 → 3, −2.5 → −3). Exact for integers of any size.
 */
export function roundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  // floor(n/d + 1/2) without leaving the integers.
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/** Throws unless value is a safe integer; names the argument in the message. */
export function assertSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
}

/**
 * round(a × b / c), half away from zero, exactly. Uses plain integer arithmetic while a × b stays
 * below 2^53 and BigInt beyond, so a 100 000 kr line times a 10 000 bp rate never loses an øre.
 */
export function mulDivRound(a: number, b: number, c: number): number {
  assertSafeInteger(a, 'a');
  assertSafeInteger(b, 'b');
  assertSafeInteger(c, 'c');
  if (c === 0) throw new RangeError('division by zero');
  const product = a * b;
  if (Number.isSafeInteger(product)) return roundSmall(product, c);
  const result = Number(roundHalfAwayFromZero(BigInt(a) * BigInt(b), BigInt(c)));
  assertSafeInteger(result, 'result');
  return result;
}

/** Rounds p / c for safe integers p and c: % and the exact division below never round. */
function roundSmall(p: number, c: number): number {
  const r = p % c;
  const q = (p - r) / c;
  if (2 * Math.abs(r) < Math.abs(c)) return q + 0; // + 0 turns −0 into 0
  return p < 0 !== c < 0 ? q - 1 : q + 1;
}
