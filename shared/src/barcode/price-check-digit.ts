/** The GS1 price/measure verifier digit of 4- and 5-digit values in RCNs (GS1 General Specifications §7.9.2–7.9.4). */

// Weighting factors as lookup tables indexed by digit.
// "2-": units digit of 2·d minus its tens digit; "3": units digit of 3·d;
// "5+": units plus tens digit of 5·d; "5-": units minus tens digit of 5·d (all mod 10).
const TWO_MINUS: readonly number[] = [0, 2, 4, 6, 8, 9, 1, 3, 5, 7];
const THREE: readonly number[] = [0, 3, 6, 9, 2, 5, 8, 1, 4, 7];
const FIVE_PLUS: readonly number[] = [0, 5, 1, 6, 2, 7, 3, 8, 4, 9];
const FIVE_MINUS: readonly number[] = [0, 5, 9, 4, 8, 3, 7, 2, 6, 1];

const FOUR_DIGIT_WEIGHTS = [TWO_MINUS, TWO_MINUS, THREE, FIVE_MINUS] as const;
const FIVE_DIGIT_WEIGHTS = [FIVE_PLUS, TWO_MINUS, FIVE_MINUS, FIVE_PLUS, TWO_MINUS] as const;

function weightedSum(value: string, weights: readonly (readonly number[])[]): number {
  let sum = 0;
  weights.forEach((table, i) => {
    sum += table[value.charCodeAt(i) - 48] ?? 0;
  });
  return sum;
}

/**
 * Verifier digit of a 4- or 5-digit price (or weight) field.
 * 4 digits: sum of weighted products × 3, units digit.
 * 5 digits: 10 minus the units digit of the sum, then the digit whose "5-" product is that.
 * Throws a RangeError for anything but 4 or 5 digits.
 */
export function priceCheckDigit(value: string): number {
  if (!/^\d{4,5}$/.test(value)) {
    throw new RangeError(`priceCheckDigit needs 4 or 5 digits, got '${value}'`);
  }
  if (value.length === 4) {
    return (weightedSum(value, FOUR_DIGIT_WEIGHTS) * 3) % 10;
  }
  const target = (10 - (weightedSum(value, FIVE_DIGIT_WEIGHTS) % 10)) % 10;
  return FIVE_MINUS.indexOf(target);
}
