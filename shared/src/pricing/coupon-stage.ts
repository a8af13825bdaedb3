/** Step d: coupons, last, each scanned coupon once, capped so nothing goes below zero. */
import type { Promotion } from '../catalog/schema.js';
import { allocate, percentOf } from '../money/index.js';
import { comparePromotions } from './compare.js';
import { targetMatcher } from './eligibility.js';
import type { Ledger } from './ledger.js';
import type { BaseLine } from './lines.js';

type Coupon = Extract<Promotion, { kind: 'coupon' }>;

/**
 * Applies every active coupon whose code was scanned, once each, in campaign-id order. A coupon
 * needs the total before coupons to reach its minTotal; it takes its percent or amount off its
 * target lines (or the whole basket) as they cost at that point, never more than they cost,
 * spread by largest remainder in proportion to their prices.
 */
export function applyCoupons(
  active: readonly Promotion[],
  codes: readonly string[],
  lines: readonly BaseLine[],
  ledger: Ledger,
): void {
  const scanned = new Set(codes);
  const coupons = active.filter((p): p is Coupon => p.kind === 'coupon' && scanned.has(p.code)).sort(comparePromotions);
  const totalBefore = ledger.total();
  for (const coupon of coupons) {
    if (totalBefore < coupon.minTotal) continue;
    const matches = coupon.target ? targetMatcher(coupon.target) : () => true;
    const targets = lines.flatMap((line, i) => (matches(line.product) ? [i] : []));
    const prices = targets.map((i) => ledger.paid[i] ?? 0);
    const base = prices.reduce((a, b) => a + b, 0);
    const amount = Math.min(base, coupon.percent !== undefined ? percentOf(base, coupon.percent) : (coupon.amount ?? 0));
    if (amount > 0) ledger.addParts(coupon, targets, allocate(amount, prices));
  }
}
