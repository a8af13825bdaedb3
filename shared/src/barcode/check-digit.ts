/** The GS1 mod-10 check digit and GTIN validation (GS1 General Specifications §7.9.1). */

const DIGITS = /^\d+$/;
const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

/**
 * Check digit for a numeric string without its check digit: weights 3, 1, 3, … from the right.
 * Throws a RangeError for an empty or non-digit argument (callers pass validated digits).
 */
export function gtinCheckDigit(digitsWithoutCheck: string): number {
  if (!DIGITS.test(digitsWithoutCheck)) {
    throw new RangeError(`gtinCheckDigit needs digits only, got '${digitsWithoutCheck}'`);
  }
  let sum = 0;
  for (let i = 0; i < digitsWithoutCheck.length; i += 1) {
    const digit = digitsWithoutCheck.charCodeAt(digitsWithoutCheck.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when a digit string (of any length ≥ 2) ends with its correct mod-10 check digit. */
export function hasValidCheckDigit(digits: string): boolean {
  if (digits.length < 2 || !DIGITS.test(digits)) return false;
  return gtinCheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1));
}

/** A GTIN-8, -12, -13 or -14 with a correct check digit. */
export function isValidGtin(s: string): boolean {
  return GTIN_LENGTHS.has(s.length) && hasValidCheckDigit(s);
}

/** Validates a GTIN-8/12/13/14 and pads it to 14 digits; null if it is not one. UPC-E is not accepted (see expandUpcE). */
export function toGtin14(gtin: string): string | null {
  return isValidGtin(gtin) ? gtin.padStart(14, '0') : null;
}
