/** UPC-E: expansion of the zero-suppressed 8-digit UPC to its 12-digit UPC-A (GTIN-12). */
import { gtinCheckDigit } from './check-digit.js';

/**
 * Expands an 8-digit UPC-E (number system 0 or 1, six data digits, check digit) to its UPC-A,
 * e.g. '01234565' → '012345000065'. Null when it is not 8 digits, the number system is not 0/1,
 * or the last digit is not the check digit of the expansion (UPC-E has no check of its own).
 */
export function expandUpcE(s: string): string | null {
  if (!/^[01]\d{7}$/.test(s)) return null;
  const numberSystem = s.slice(0, 1);
  const d = s.slice(1, 7);
  const last = d.slice(5, 6);
  let body: string;
  switch (last) {
    case '0':
    case '1':
    case '2':
      body = `${d.slice(0, 2)}${last}0000${d.slice(2, 5)}`;
      break;
    case '3':
      body = `${d.slice(0, 3)}00000${d.slice(3, 5)}`;
      break;
    case '4':
      body = `${d.slice(0, 4)}00000${d.slice(4, 5)}`;
      break;
    default:
      body = `${d.slice(0, 5)}0000${last}`;
  }
  const withoutCheck = `${numberSystem}${body}`;
  const check = gtinCheckDigit(withoutCheck);
  return String(check) === s.slice(7) ? `${withoutCheck}${check}` : null;
}
