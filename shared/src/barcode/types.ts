/** Types of the barcode module: what parseBarcode takes and what it answers. */

/** Countries whose restricted-circulation-number (RCN, prefix 02/20–29) rules we know. */
export type RcnCountry = 'DK' | 'SE' | 'NO' | 'FI' | 'DE' | 'GB';

/** Prefixes of the store's own codes (loyalty cards, coupons, staff badges). */
export interface OwnCodePrefixes {
  loyalty: string;
  coupon: string;
  staff: string;
}

export interface ParseOptions {
  /** Whose RCN rules apply to price and weight labels; default 'DK'. */
  country?: RcnCountry;
  /** Prefixes of our own codes; default DEFAULT_OWN_PREFIXES. Check them with validateOwnPrefixes. */
  ownPrefixes?: OwnCodePrefixes;
  /** Default true: a bare 3–6 digit string is a PLU (typed at the kiosk or a scale key). */
  allowPlu?: boolean;
}

export type BarcodeErrorReason =
  | 'empty'
  | 'bad-characters'
  | 'bad-length'
  | 'bad-check-digit'
  | 'bad-price-check'
  | 'unknown-ai'
  | 'truncated'
  | 'bad-value'
  | 'bad-date'
  | 'bad-uri'
  | 'unsupported';

export interface BarcodeError {
  ok: false;
  raw: string;
  reason: BarcodeErrorReason;
  /** Human-readable English sentence naming what is wrong. */
  message: string;
}

/** One GS1 element: an application identifier, its data and the GS1 data title. */
export interface Gs1Element {
  ai: string;
  value: string;
  title: string;
}

/** What a barcode means, without the envelope (ok, raw, symbology). */
export type BarcodePayload =
  | { kind: 'gtin'; gtin14: string; format: 'GTIN-8' | 'GTIN-12' | 'GTIN-13' | 'GTIN-14' | 'UPC-E' }
  | {
      kind: 'rcn';
      country: RcnCountry;
      itemCode: string;
      priceMinor?: number;
      weightGrams?: number;
      /** Units, for the few RCN layouts that carry a count (Germany 25/26). */
      count?: number;
      gtin14: string;
    }
  | {
      kind: 'gs1';
      source: 'element-string' | 'digital-link';
      elements: Gs1Element[];
      gtin14?: string;
      weightGrams?: number;
      priceMinor?: number;
      count?: number;
      /** YYYY-MM-DD; a day "00" in the barcode means the last day of that month. */
      expiry?: string;
      batch?: string;
    }
  | { kind: 'sscc'; sscc: string }
  | { kind: 'gln'; gln: string }
  | { kind: 'plu'; plu: string }
  | { kind: 'loyalty' | 'coupon' | 'staff'; id: string };

export type BarcodeOk = {
  ok: true;
  raw: string;
  /** Symbology identifier stripped from the input, e.g. ']E0' (EAN-13) or ']C1' (GS1-128). */
  symbology?: string;
} & BarcodePayload;

export type BarcodeResult = BarcodeOk | BarcodeError;
