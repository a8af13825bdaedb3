/** Money rules that multiply by a rate: price by weight, percentages and VAT. */
import { assertSafeInteger, mulDivRound } from './rounding.js';

/**
 * Price of a weighed line: round(price per kg × grams / 1000), half away from zero, rounded once
 * per line (never per gram or per 100 g).
 */
export function priceByWeight(pricePerKgMinor: number, grams: number): number {
  assertNonNegative(pricePerKgMinor, 'price per kg');
  assertNonNegative(grams, 'grams');
  return mulDivRound(pricePerKgMinor, grams, 1000);
}

/** round(amount × basisPoints / 10 000), half away from zero: 15 % of 39,95 kr is 5,99 kr. */
export function percentOf(amountMinor: number, basisPoints: number): number {
  assertSafeInteger(amountMinor, 'amount');
  assertNonNegative(basisPoints, 'basis points');
  return mulDivRound(amountMinor, basisPoints, 10_000);
}

/**
 * VAT contained in a VAT-inclusive amount: round(gross × rate / (10 000 + rate)), half away from
 * zero. 100,00 kr at 25 % contains 20,00 kr VAT.
 *
 * The rule: VAT is computed per rate on the sum of the paid prices at that rate, not per line and
 * then summed, so a receipt's VAT lines never drift from its total by rounding.
 */
export function vatFromGross(grossMinor: number, rateBp: number): number {
  assertSafeInteger(grossMinor, 'gross');
  assertNonNegative(rateBp, 'VAT rate');
  return mulDivRound(grossMinor, rateBp, 10_000 + rateBp);
}

function assertNonNegative(value: number, what: string): void {
  assertSafeInteger(value, what);
  if (value < 0) throw new RangeError(`${what} must not be negative, got ${value}`);
}
