/** Catalog model: products, promotions and members, with zod schemas used to import them. */
import { z } from 'zod';

/** Text per language tag ("da", "en", ...). Danish is the store default and always present. */
export const localizedText = z
  .object({ da: z.string().min(1).max(200) })
  .catchall(z.string().min(1).max(200));
export type LocalizedText = z.infer<typeof localizedText>;

/** Integer minor units (øre). */
export const minorAmount = z.number().int().min(0).max(100_000_000);
/** VAT rate in basis points: 2500 = 25 %. */
export const vatRateBp = z.number().int().min(0).max(10_000);

/** Age-limit categories; their ages come from the age rule table, not from the product. */
export const ageCategory = z.enum([
  'alcohol', // age depends on abv: see age rules
  'tobacco',
  'nicotine',
  'fireworks', // adult fireworks (F2/F3)
  'fireworks-f1', // low-hazard fireworks
  'energy-drink', // store policy
  'knife', // store policy
  'medicine', // store policy
]);
export type AgeCategory = z.infer<typeof ageCategory>;

const digits = (min: number, max: number) =>
  z.string().regex(new RegExp(`^\\d{${min},${max}}$`), `must be ${min}–${max} digits`);

export const productSchema = z
  .object({
    id: z.string().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, . _ - only'),
    name: localizedText,
    /** GTIN-8/12/13/14; stored normalised to GTIN-14 on import. */
    gtins: z.array(digits(8, 14)).max(50).default([]),
    /** Price-look-up code for items without a barcode (weighed produce, bakery). */
    plu: digits(3, 6).optional(),
    /** Item numbers printed on restricted-circulation labels (RCN), e.g. "213504" for 2135040039753. */
    rcnItems: z.array(digits(4, 7)).max(20).default([]),
    /** Price per unit, or per kilogram when unit is "kg". VAT-inclusive. */
    price: minorAmount,
    /** Member price, replacing price for identified members. */
    memberPrice: minorAmount.optional(),
    unit: z.enum(['each', 'kg']).default('each'),
    vatRate: vatRateBp.default(2500),
    ageCategory: ageCategory.optional(),
    /** Alcohol by volume in tenths of a percent (46 = 4.6 %), for alcohol age rules. */
    abv: z.number().int().min(0).max(1000).optional(),
    department: z.string().min(1).max(64),
    image: z.string().max(500).optional(),
    /** Deposit class (pant: Danish A, B, C); its amount comes from the store's deposit configuration. */
    deposit: z.string().regex(/^[A-Z]{1,3}$/, 'a deposit class is 1–3 capital letters, e.g. A').optional(),
    /** Containers with a deposit in one unit sold: 6 for a six-pack of cans. */
    depositCount: z.number().int().min(1).max(100).optional(),
  })
  .strict();
export type Product = z.output<typeof productSchema>;
export type ProductInput = z.input<typeof productSchema>;

/** What a promotion applies to: listed products and/or whole departments. */
export const targetSchema = z
  .object({
    productIds: z.array(z.string()).max(1000).default([]),
    departments: z.array(z.string()).max(100).default([]),
  })
  .strict()
  .refine((t) => t.productIds.length + t.departments.length > 0, 'target names no product or department');
export type PromotionTarget = z.output<typeof targetSchema>;

const promotionBase = {
  /** Campaign id: what marketing measures; also the tie-breaker between equal promotions. */
  id: z.string().min(1).max(64),
  name: localizedText,
  validFrom: z.iso.datetime({ offset: true }).optional(),
  validTo: z.iso.datetime({ offset: true }).optional(),
  /** Only for identified members. */
  memberOnly: z.boolean().default(false),
};

export const promotionSchema = z.discriminatedUnion('kind', [
  /** N units of the target for a fixed price ("2 for 30 kr"). */
  z.object({ ...promotionBase, kind: z.literal('multibuy'), target: targetSchema, quantity: z.number().int().min(2).max(100), price: minorAmount }).strict(),
  /** Buy N, pay for M: the cheapest N−M units of each group are free ("3 for 2"). */
  z.object({ ...promotionBase, kind: z.literal('n-for-m'), target: targetSchema, buy: z.number().int().min(2).max(100), pay: z.number().int().min(1).max(99) })
    .strict()
    .refine((p) => p.pay < p.buy, { message: 'pay must be less than buy', path: ['pay'] }),
  /** Any N units from a group of products for a fixed price (mix and match). */
  z.object({ ...promotionBase, kind: z.literal('mix-match'), target: targetSchema, quantity: z.number().int().min(2).max(100), price: minorAmount }).strict(),
  /** Percentage off each unit of the target; percent in basis points (1500 = 15 %). */
  z.object({ ...promotionBase, kind: z.literal('percent-off'), target: targetSchema, percent: z.number().int().min(1).max(10_000) }).strict(),
  /** Fixed amount off each unit of the target. */
  z.object({ ...promotionBase, kind: z.literal('amount-off'), target: targetSchema, amount: minorAmount }).strict(),
  /** One unit of each component group together for a fixed price. */
  z.object({ ...promotionBase, kind: z.literal('bundle'), components: z.array(targetSchema).min(2).max(10), price: minorAmount }).strict(),
  /** Percentage off the whole basket above a threshold. */
  z.object({ ...promotionBase, kind: z.literal('basket-percent'), minTotal: minorAmount.default(0), percent: z.number().int().min(1).max(10_000) }).strict(),
  /** Amount off the whole basket above a threshold. */
  z.object({ ...promotionBase, kind: z.literal('basket-amount'), minTotal: minorAmount.default(0), amount: minorAmount }).strict(),
  /** A coupon: applies only when its code was scanned; percent or amount off the basket or a target. */
  z.object({
    ...promotionBase,
    kind: z.literal('coupon'),
    code: z.string().min(1).max(64),
    target: targetSchema.optional(),
    percent: z.number().int().min(1).max(10_000).optional(),
    amount: minorAmount.optional(),
    minTotal: minorAmount.default(0),
  }).strict().refine((c) => (c.percent === undefined) !== (c.amount === undefined), 'a coupon has either percent or amount'),
]);
export type Promotion = z.output<typeof promotionSchema>;
export type PromotionKind = Promotion['kind'];

export const memberSchema = z
  .object({
    id: z.string().min(1).max(64),
    /** Number printed on the loyalty card (our own loyalty prefix). */
    cardNumber: z.string().min(4).max(32),
    name: z.string().max(200).optional(),
    /** Digits only, with country code (e.g. "4512345678"), for identification without the card. */
    phone: z.string().regex(/^\d{6,15}$/).optional(),
    /** The member agreed that their purchases may be used for marketing: only then does a pseudonym go upstream. */
    marketingConsent: z.boolean().default(false),
  })
  .strict();
export type Member = z.output<typeof memberSchema>;

export const catalogSchema = z
  .object({
    currency: z.string().regex(/^[A-Z]{3}$/).default('DKK'),
    products: z.array(productSchema).max(200_000),
    promotions: z.array(promotionSchema).max(10_000).default([]),
    members: z.array(memberSchema).max(1_000_000).default([]),
  })
  .strict();
export type Catalog = z.output<typeof catalogSchema>;
export type CatalogInput = z.input<typeof catalogSchema>;
