/** The pricing engine: a basket's lines and the catalog in, every line's price and why out. */
import { applyBasketDiscount } from './basket-stage.js';
import { comparePromotions } from './compare.js';
import { applyCoupons } from './coupon-stage.js';
import { isActive } from './eligibility.js';
import { PricingError } from './errors.js';
import { itemDiscounts } from './item-stage.js';
import { Ledger } from './ledger.js';
import { resolveLines } from './lines.js';
import { buildResult } from './totals.js';
import type { PricingInput, PricingResult } from './types.js';

/**
 * Prices a basket, deterministically, in four steps:
 * a. base prices: the member price for identified members (when lower than the base price), an
 *    RCN label price instead of price × quantity, price × weight rounded once for weighed lines;
 * b. item promotions, at most one per unit, the best combination for the customer (search.ts).
 *    Weighed lines and label-priced lines are units like any other (a weighed line is one unit);
 *    multibuy counts units of one product, mix-match, n-for-m and bundles mix the products of
 *    their target; ties go to the smaller campaign id;
 * c. the best single basket discount whose minTotal the total after step b reaches;
 * d. each scanned coupon once, in campaign-id order, if the total before coupons reaches its minTotal.
 * Every discount names its campaign; no line and no total ever goes below zero. Promotions count
 * only from validFrom to validTo, both inclusive, and member-only ones only with a member.
 *
 * Adding a promotion never makes a basket dearer, with two exceptions that follow from the rules
 * above: an item promotion can take the total below a basket or coupon minTotal (the threshold is
 * checked after item promotions), and a coupon on some lines sees those lines after the basket
 * discount was spread over them, which can move a rounding øre between lines.
 */
export function priceBasket(input: PricingInput): PricingResult {
  const nowMs = instant(input.now);
  if (!/^[A-Z]{3}$/.test(input.currency)) throw new PricingError('invalid-input', `not a currency code: "${input.currency}"`);
  const lines = resolveLines(input.lines, input.products, input.member);
  // In campaign-id order, so the order promotions arrive in can never change the result.
  const active = input.promotions.filter((p) => isActive(p, nowMs, input.member)).sort(comparePromotions);
  const ledger = new Ledger(lines);
  for (const { line, promotion, amount } of itemDiscounts(lines, active).attributions) ledger.add(promotion, line, amount);
  applyBasketDiscount(active, ledger);
  applyCoupons(active, input.coupons ?? [], lines, ledger);
  return buildResult(lines, ledger, input.currency);
}

function instant(now: Date | string): number {
  const ms = typeof now === 'string' ? Date.parse(now) : now.getTime();
  if (Number.isNaN(ms)) throw new PricingError('invalid-input', `not a valid time: "${String(now)}"`);
  return ms;
}
