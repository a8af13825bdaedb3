/** Tells a payment card number from a barcode, so one typed or swiped into a scan field is kept nowhere. */
import { hasValidCheckDigit } from '../barcode/check-digit.js';

/** Track 1 (`%B<PAN>^…`) or track 2 (`;<PAN>=…`) of a magnetic stripe, as a keyboard-wedge card reader types it. */
const STRIPE = /^(?:%B\d{12,19}\^|;\d{12,19}=)/;

/** The Luhn (mod 10) check every payment card number passes. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    const d = digits.charCodeAt(digits.length - 1 - i) - 48;
    sum += i % 2 === 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
  }
  return sum % 10 === 0;
}

/**
 * A magnetic-stripe track, or 13–19 digits (spaces or dashes between them allowed) that pass the Luhn
 * check. Not a card: anything starting with 0 (no card number does, while GS1 strings with AI 00, 01 and
 * 02 do), and a GTIN-13 or GTIN-14 whose GS1 check digit is right (a GTIN passes Luhn one time in ten).
 */
export function looksLikeCardNumber(code: string): boolean {
  const text = code.trim();
  if (STRIPE.test(text)) return true;
  const digits = text.replace(/[ -]/g, '');
  if (!/^[1-9]\d{12,18}$/.test(digits)) return false;
  if (digits.length <= 14 && hasValidCheckDigit(digits)) return false;
  return luhnValid(digits);
}
