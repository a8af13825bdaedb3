/** Per-country layouts of restricted circulation numbers (GTIN-13 prefixes 20–29) with an embedded price, weight or count. */
import type { RcnCountry } from './types.js';

/**
 * One layout of the 12 digits before the GTIN check digit:
 * item (prefix included) · optional verifier digit · value. itemDigits + verifier + valueDigits = 12.
 */
export interface RcnLayout {
  measure: 'price' | 'weight' | 'count';
  itemDigits: number;
  /** A GS1 price/measure verifier digit (§7.9.2–7.9.4) stands between item and value. */
  verifier: boolean;
  valueDigits: number;
  /** Implied decimals of the value in major units: kroner/euro/pounds for price, kilograms for weight. */
  decimals: number;
}

export interface RcnCountryRules {
  /** Layouts by 2-digit GTIN-13 prefix; prefixes 02 and 20–29 without a layout are opaque store numbers. */
  layouts: Partial<Record<string, RcnLayout>>;
  /** Where the layouts come from, or what we assumed. */
  source: string;
}

const price = (itemDigits: number, valueDigits: number, decimals: number, verifier = false): RcnLayout => ({
  measure: 'price',
  itemDigits,
  verifier,
  valueDigits,
  decimals,
});
const weight = (itemDigits: number, valueDigits: number, decimals: number, verifier = false): RcnLayout => ({
  measure: 'weight',
  itemDigits,
  verifier,
  valueDigits,
  decimals,
});
const count = (itemDigits: number, valueDigits: number, verifier = false): RcnLayout => ({
  measure: 'count',
  itemDigits,
  verifier,
  valueDigits,
  decimals: 0,
});

/** Sweden's scheme: the second digit of the prefix places the decimal point. Also used for Norway. */
const SWEDISH_LAYOUTS: RcnCountryRules['layouts'] = {
  '20': price(8, 4, 2),
  '21': price(8, 4, 1),
  '22': price(8, 4, 0),
  '23': weight(8, 4, 3),
  '24': weight(8, 4, 2),
  '25': weight(8, 4, 1),
};

export const RCN_RULES: Record<RcnCountry, RcnCountryRules> = {
  DK: {
    // GS1 Denmark "GTIN-13 pris" and "GTIN-13 vægt": 21–24 price in øre, 26/28 weight in grams with a
    // 6-digit item, 27 weight with a 7-digit item. 20, 25, 29 are store-internal numbers.
    layouts: {
      '21': price(6, 6, 2),
      '22': price(6, 6, 2),
      '23': price(6, 6, 2),
      '24': price(6, 6, 2),
      '26': weight(6, 6, 3),
      '27': weight(7, 5, 3),
      '28': weight(6, 6, 3),
    },
    source: 'GS1 Denmark, gs1.dk "GTIN-13 pris" / "GTIN-13 vægt"',
  },
  SE: {
    // GS1 Sweden "Variable weight number": 2X + sequence (8 digits in all) + 4-digit value, no verifier;
    // X = 0/1/2 price in kronor with 2/1/0 decimals, X = 3/4/5 weight in kg with 3/2/1 decimals.
    layouts: SWEDISH_LAYOUTS,
    source: 'GS1 Sweden, gs1.se "How do I create my variable weight numbers?"',
  },
  NO: {
    // Assumption: GS1 Norway publishes no open layout we could find; real Norwegian labels
    // (e.g. 2302148210869 = 1.086 kg) follow the Swedish scheme, as the biip library also observed.
    layouts: SWEDISH_LAYOUTS,
    source: 'assumed equal to Sweden (observed on Norwegian labels); not from a GS1 Norway document',
  },
  FI: {
    // GS1 Finland "How to identify the product (GTIN)": 23/24/25 + 4-digit company part + 2 own digits
    // + 4-digit weight in kg with 3/2/1 decimals. Finland has no price labels in this range.
    layouts: { '23': weight(8, 4, 3), '24': weight(8, 4, 2), '25': weight(8, 4, 1) },
    source: 'GS1 Finland, gs1.fi "How to identify the product (GTIN)"',
  },
  DE: {
    // GS1 Germany "Globale Artikelnummer GTIN in der Anwendung": 6-digit item, verifier digit, 5-digit value:
    // 22/23 price in cents, 25/26 count, 28/29 weight in grams. Others are store-internal.
    layouts: {
      '22': price(6, 5, 2, true),
      '23': price(6, 5, 2, true),
      '25': count(6, 5, true),
      '26': count(6, 5, true),
      '28': weight(6, 5, 3, true),
      '29': weight(6, 5, 3, true),
    },
    source: 'GS1 Germany "Globale Artikelnummer GTIN in der Anwendung" (as implemented by the biip library)',
  },
  GB: {
    // GS1 UK "How to barcode variable measure items": branded variable measure 20XXX RR V PPPP C and
    // 28XXX RR V PPPP C — 7-digit item, price verifier, price in pence. UK in-store layouts are
    // retailer-specific, so 02 and the other 2x prefixes stay opaque.
    layouts: { '20': price(7, 4, 2, true), '28': price(7, 4, 2, true) },
    source: 'GS1 UK, gs1uk.org "How to barcode variable measure items"',
  },
};
