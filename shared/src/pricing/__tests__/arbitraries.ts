/** fast-check generators of small baskets and promotions for the pricing property tests. */
import fc from 'fast-check';
import type { Member, Product, Promotion } from '../../catalog/schema.js';
import type { LineInput, PricingInput } from '../types.js';
import { MEMBER, NOW, product, promo } from './builders.js';

const PRODUCT_IDS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
const DEPARTMENTS = ['fruit', 'dairy'];
const CODES = ['SAVE', 'MORE'];

const productArb: fc.Arbitrary<Product> = fc
  .record({
    index: fc.nat(PRODUCT_IDS.length - 1),
    price: fc.integer({ min: 0, max: 20_000 }),
    memberPrice: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
    weighed: fc.boolean(),
    vatRate: fc.constantFrom(0, 2500),
    department: fc.constantFrom(...DEPARTMENTS),
  })
  .map(({ index, weighed, memberPrice, ...rest }) =>
    product({ id: PRODUCT_IDS[index] ?? 'p0', unit: weighed ? 'kg' : 'each', ...(memberPrice === undefined ? {} : { memberPrice }), ...rest }),
  );

const targetArb = fc.oneof(
  fc.uniqueArray(fc.constantFrom(...PRODUCT_IDS), { minLength: 1, maxLength: 3 }).map((productIds) => ({ productIds })),
  fc.constantFrom(...DEPARTMENTS).map((d) => ({ departments: [d] })),
);

const baseArb = fc.record({
  id: fc.constantFrom('c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'),
  memberOnly: fc.boolean(),
  expired: fc.boolean(),
});

const price = fc.integer({ min: 0, max: 30_000 });
const percent = fc.integer({ min: 1, max: 10_000 });

/** Item promotions of every kind. */
export const itemPromotionArb: fc.Arbitrary<Promotion> = fc
  .tuple(
    baseArb,
    fc.oneof(
      fc.record({ kind: fc.constant('multibuy' as const), target: targetArb, quantity: fc.integer({ min: 2, max: 4 }), price }),
      fc.record({ kind: fc.constant('mix-match' as const), target: targetArb, quantity: fc.integer({ min: 2, max: 4 }), price }),
      fc
        .record({ kind: fc.constant('n-for-m' as const), target: targetArb, buy: fc.integer({ min: 2, max: 4 }), pay: fc.integer({ min: 1, max: 3 }) })
        .filter((p) => p.pay < p.buy),
      fc.record({ kind: fc.constant('percent-off' as const), target: targetArb, percent }),
      fc.record({ kind: fc.constant('amount-off' as const), target: targetArb, amount: price }),
      fc.record({ kind: fc.constant('bundle' as const), components: fc.array(targetArb, { minLength: 2, maxLength: 3 }), price }),
    ),
  )
  .map(([base, kind]) => toPromotion(base, kind));

/** Basket and coupon promotions; `thresholds` false keeps minTotal 0 and coupons untargeted. */
export function basketPromotionArb(thresholds: boolean, targeted = thresholds): fc.Arbitrary<Promotion> {
  const minTotal = thresholds ? fc.integer({ min: 0, max: 50_000 }) : fc.constant(0);
  const couponTarget = targeted ? fc.option(targetArb, { nil: undefined }) : fc.constant(undefined);
  const off = fc.oneof(fc.record({ percent }), fc.record({ amount: price }));
  return fc
    .tuple(
      baseArb,
      fc.oneof(
        fc.record({ kind: fc.constant('basket-percent' as const), percent, minTotal }),
        fc.record({ kind: fc.constant('basket-amount' as const), amount: price, minTotal }),
        fc
          .tuple(fc.record({ kind: fc.constant('coupon' as const), code: fc.constantFrom(...CODES), minTotal }), off, couponTarget)
          .map(([c, o, target]) => ({ ...c, ...o, ...(target ? { target } : {}) })),
      ),
    )
    .map(([base, kind]) => toPromotion(base, kind));
}

function toPromotion(base: { id: string; memberOnly: boolean; expired: boolean }, kind: object): Promotion {
  const validity = base.expired ? { validTo: '2025-03-01T00:00:00+01:00' } : { validFrom: '2025-03-01T00:00:00+01:00' };
  return promo({ id: base.id, memberOnly: base.memberOnly, ...validity, ...kind } as Parameters<typeof promo>[0]);
}

const lineArb = fc.record({
  product: fc.nat(PRODUCT_IDS.length - 1),
  quantity: fc.integer({ min: 1, max: 4 }),
  weightGrams: fc.integer({ min: 1, max: 3000 }),
  labelPrice: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined, freq: 5 }),
});

/** A small basket over a small catalog; every line refers to a product that exists. */
export function basketArb(promotions: fc.Arbitrary<Promotion>, maxPromotions = 6): fc.Arbitrary<PricingInput> {
  return fc
    .record({
      catalog: fc.uniqueArray(productArb, { minLength: 1, maxLength: 6, selector: (p) => p.id }),
      lines: fc.array(lineArb, { maxLength: 8 }),
      promotions: fc.array(promotions, { maxLength: maxPromotions }),
      member: fc.boolean(),
      coupons: fc.subarray(CODES),
    })
    .map(({ catalog, lines, promotions, member, coupons }) => ({
      lines: lines.map((l, i) => toLine(l, catalog[l.product % catalog.length] as Product, i)),
      products: new Map(catalog.map((p) => [p.id, p])),
      promotions,
      member: member ? MEMBER : (null as Member | null),
      coupons,
      now: NOW,
      currency: 'DKK',
    }));
}

function toLine(l: { quantity: number; weightGrams: number; labelPrice: number | undefined }, p: Product, i: number): LineInput {
  const weighed = p.unit === 'kg';
  return {
    lineId: `l${i}`,
    productId: p.id,
    quantity: weighed ? 1 : l.quantity,
    ...(weighed ? { weightGrams: l.weightGrams } : {}),
    ...(l.labelPrice === undefined ? {} : { labelPrice: l.labelPrice }),
  };
}
