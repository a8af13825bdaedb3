/** Reads a restricted circulation number by the country's layout table: item code plus embedded price, weight or count. */
import { failure, success, type Outcome } from './outcome.js';
import { priceCheckDigit } from './price-check-digit.js';
import { RCN_RULES } from './rcn-rules.js';
import type { BarcodePayload, RcnCountry } from './types.js';

export type RcnPayload = Extract<BarcodePayload, { kind: 'rcn' }>;

/**
 * Reads an RCN-13 (prefix 02 or 20–29) whose GTIN check digit is already valid.
 * A prefix without a layout in the country's table is an opaque store number: its item code is
 * the 12 digits before the check digit.
 */
export function readRcn13(gtin13: string, country: RcnCountry): Outcome<RcnPayload> {
  const gtin14 = `0${gtin13}`;
  const layout = RCN_RULES[country].layouts[gtin13.slice(0, 2)];
  if (!layout) {
    return success({ kind: 'rcn', country, itemCode: gtin13.slice(0, 12), gtin14 });
  }
  const itemCode = gtin13.slice(0, layout.itemDigits);
  const valueStart = layout.itemDigits + (layout.verifier ? 1 : 0);
  const value = gtin13.slice(valueStart, valueStart + layout.valueDigits);
  if (layout.verifier) {
    const expected = priceCheckDigit(value);
    const actual = Number(gtin13.charAt(layout.itemDigits));
    if (actual !== expected) {
      return failure(
        'bad-price-check',
        `The ${layout.measure} label ${gtin13} has verifier digit ${actual} for the value ${value}, ` +
          `but the GS1 ${value.length}-digit verifier is ${expected}: the label was misread or misprinted.`,
      );
    }
  }
  const amount = Number(value);
  switch (layout.measure) {
    case 'price':
      return success({ kind: 'rcn', country, itemCode, priceMinor: amount * 10 ** (2 - layout.decimals), gtin14 });
    case 'weight':
      return success({ kind: 'rcn', country, itemCode, weightGrams: amount * 10 ** (3 - layout.decimals), gtin14 });
    case 'count':
      return success({ kind: 'rcn', country, itemCode, count: amount, gtin14 });
  }
}

/** An RCN-8 (GTIN-8 prefix 2) is company-internal: the item code is its first 7 digits. */
export function readRcn8(gtin8: string, country: RcnCountry): RcnPayload {
  return { kind: 'rcn', country, itemCode: gtin8.slice(0, 7), gtin14: gtin8.padStart(14, '0') };
}
