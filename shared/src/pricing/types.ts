/** Input and output of the pricing engine: the contract between hub, displays and the engine. */
import type { LocalizedText, Member, Product, Promotion } from '../catalog/schema.js';

/** One scanned line, as the hub stores it: an intent, never a price from a client. */
export interface LineInput {
  lineId: string;
  productId: string;
  /** Units for "each" products; 1 for weighed lines. */
  quantity: number;
  /** Weight for "kg" products (from a weight label or the scale). */
  weightGrams?: number;
  /** Price embedded in an RCN price label: replaces the catalog price of this line. */
  labelPrice?: number;
}

export interface Adjustment {
  /** Campaign id of the promotion (or coupon) that produced it. */
  campaignId: string;
  kind: string;
  name: LocalizedText;
  /** Discount in minor units, positive = money off. */
  amount: number;
  /** Lines that took part, with the share of the discount allocated to each. */
  allocations: Array<{ lineId: string; amount: number }>;
}

export interface PricedLine {
  lineId: string;
  productId: string;
  name: LocalizedText;
  quantity: number;
  weightGrams?: number;
  unit: 'each' | 'kg';
  /** Price per unit (or per kg) after member price, before promotions. */
  unitPrice: number;
  /** True when the member price replaced the base price. */
  memberPrice: boolean;
  /** unitPrice × quantity, or weight × price per kg rounded once. */
  grossPrice: number;
  /** Discounts allocated to this line, one per campaign. */
  discounts: Array<{ campaignId: string; amount: number }>;
  /** grossPrice − discounts: what the customer pays for this line. */
  paidPrice: number;
  vatRate: number;
  /** A deposit (pant) line: the line of the bottle or can it is charged with; it follows that line. */
  depositFor?: string;
  /** A deposit-return voucher from the reverse vending machine, deducted (negative prices): its code. */
  voucher?: string;
}

export interface VatLine {
  /** Basis points. */
  rate: number;
  /** Sum of paid prices at this rate (VAT-inclusive). */
  gross: number;
  vat: number;
  net: number;
}

export interface Totals {
  currency: string;
  gross: number;
  discount: number;
  total: number;
  vat: VatLine[];
  itemCount: number;
}

export interface PricingResult {
  lines: PricedLine[];
  adjustments: Adjustment[];
  totals: Totals;
}

/** How the engine finds a product by id: a map or a lookup function. */
export type ProductLookup = ReadonlyMap<string, Product> | ((productId: string) => Product | undefined);

/** Everything the engine needs to price a basket; the same input always gives the same result. */
export interface PricingInput {
  /** Lines in scan order; the result keeps this order. */
  lines: readonly LineInput[];
  products: ProductLookup;
  /** All promotions of the catalog; the engine picks those valid now for this customer. */
  promotions: readonly Promotion[];
  /** The identified member, if any: unlocks member prices and member-only promotions. */
  member?: Member | null;
  /** Coupon codes scanned for this basket. */
  coupons?: readonly string[];
  /** The moment promotions are checked against (validFrom/validTo, inclusive). */
  now: Date | string;
  /** ISO 4217 code of the catalog's prices, e.g. "DKK". */
  currency: string;
}
