/** Digit strings of GTIN length (8, 12, 13, 14): GTINs, UPC-E, RCNs and the GS1 coupon ranges we refuse. */
import { gtinCheckDigit, hasValidCheckDigit } from './check-digit.js';
import { failure, success, type Failure, type Outcome } from './outcome.js';
import { readRcn13, readRcn8 } from './rcn.js';
import { EAN_13_OR_UPC, EAN_8 } from './symbology.js';
import type { BarcodePayload, RcnCountry } from './types.js';
import { expandUpcE } from './upc-e.js';

type GtinFormat = Extract<BarcodePayload, { kind: 'gtin' }>['format'];

const FORMAT_BY_LENGTH: Partial<Record<number, GtinFormat>> = {
  8: 'GTIN-8',
  12: 'GTIN-12',
  13: 'GTIN-13',
  14: 'GTIN-14',
};

function badCheckDigit(format: string, digits: string, note = ''): Failure {
  const expected = gtinCheckDigit(digits.slice(0, -1));
  return failure(
    'bad-check-digit',
    `${format} ${digits} ends in ${digits.slice(-1)}, but its check digit should be ${expected}${note}: the code was misread or mistyped.`,
  );
}

/** GS1 prefixes (of the GTIN-13 form) that are coupons or refund receipts, not trade items. */
function couponRange(gtin13: string): string | undefined {
  const p3 = Number(gtin13.slice(0, 3));
  if (gtin13.startsWith('05')) return 'a UPC coupon (number system 5)';
  if (p3 === 980) return 'a GS1 refund receipt (prefix 980)';
  if (p3 >= 981 && p3 <= 984) return `a GS1 coupon in a common currency (prefix ${p3})`;
  if (gtin13.startsWith('99')) return 'a GS1 coupon (prefix 99)';
  return undefined;
}

/** Decides what a valid GTIN-12/13/14 is, from the prefix of its GTIN-13 form. */
function classify(digits: string, format: GtinFormat, country: RcnCountry): Outcome<BarcodePayload> {
  const gtin14 = digits.padStart(14, '0');
  if (gtin14.startsWith('0')) {
    const gtin13 = gtin14.slice(1);
    // 02 and 20–29: RCNs with regional rules; 04: RCNs inside one company (read as opaque store numbers).
    if (gtin13.startsWith('2') || gtin13.startsWith('02') || gtin13.startsWith('04')) {
      return readRcn13(gtin13, country);
    }
    const coupon = couponRange(gtin13);
    if (coupon) {
      return failure(
        'unsupported',
        `${digits} is ${coupon}, which this system does not redeem; store coupons carry our own coupon prefix.`,
      );
    }
  }
  return success({ kind: 'gtin', gtin14, format });
}

/**
 * An 8-digit code can be both a GTIN-8 and a UPC-E, so the rule is:
 * - symbology ]E4 (EAN-8) → GTIN-8 only; ]E0 (EAN-13/UPC family, which carries UPC-E) → UPC-E only;
 * - otherwise UPC-E when it starts with 0 or 1 and its last digit is the check digit of its UPC-A
 *   expansion, else GTIN-8 when its mod-10 check digit holds.
 * A GTIN-8 starting with 2 is an RCN-8, a company-internal number.
 */
function parseEightDigits(digits: string, symbology: string | undefined, country: RcnCountry): Outcome<BarcodePayload> {
  if (symbology !== EAN_8) {
    const upcA = expandUpcE(digits);
    if (upcA) return success({ kind: 'gtin', gtin14: upcA.padStart(14, '0'), format: 'UPC-E' });
    if (symbology === EAN_13_OR_UPC) {
      return failure(
        'bad-check-digit',
        `${digits} was scanned as UPC-E, but it is not one: it must start with 0 or 1 and end with the check digit of its UPC-A expansion.`,
      );
    }
  }
  if (!hasValidCheckDigit(digits)) {
    const couldBeUpcE = /^[01]/.test(digits) && symbology !== EAN_8;
    return badCheckDigit('GTIN-8', digits, couldBeUpcE ? ' (and it is not a valid UPC-E either)' : '');
  }
  if (digits.startsWith('2')) return success(readRcn8(digits, country));
  return success({ kind: 'gtin', gtin14: digits.padStart(14, '0'), format: 'GTIN-8' });
}

/** Parses 8, 12, 13 or 14 digits; any other length is the caller's business. */
export function parseGtinDigits(
  digits: string,
  symbology: string | undefined,
  country: RcnCountry,
): Outcome<BarcodePayload> {
  if (digits.length === 8) return parseEightDigits(digits, symbology, country);
  const format = FORMAT_BY_LENGTH[digits.length];
  if (!format) return failure('bad-length', `${digits.length} digits is not a GTIN length.`);
  if (!hasValidCheckDigit(digits)) return badCheckDigit(format, digits);
  return classify(digits, format, country);
}
