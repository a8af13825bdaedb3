/** Per-unit promotions (percent-off, amount-off): the best one each unit could get on its own. */
import type { Promotion } from '../catalog/schema.js';
import { percentOf } from '../money/index.js';
import { comparePromotions } from './compare.js';
import { targetMatcher } from './eligibility.js';
import type { UnitClass } from './units.js';

export type UnitPromotion = Extract<Promotion, { kind: 'percent-off' | 'amount-off' }>;

/** What one unit of a class gets from its best per-unit promotion; amount 0 and null when none. */
export interface UnitDiscount {
  amount: number;
  promotion: UnitPromotion | null;
}

export function isUnitPromotion(p: Promotion): p is UnitPromotion {
  return p.kind === 'percent-off' || p.kind === 'amount-off';
}

/**
 * For each class, the largest per-unit discount, never more than the unit is worth; equal
 * discounts go to the smaller campaign id.
 */
export function bestUnitDiscounts(classes: readonly UnitClass[], promotions: readonly UnitPromotion[]): UnitDiscount[] {
  const matchers = promotions.map((p) => ({ promotion: p, matches: targetMatcher(p.target) }));
  return classes.map((cls) => {
    let best: UnitDiscount = { amount: 0, promotion: null };
    for (const { promotion, matches } of matchers) {
      if (!matches(cls.product)) continue;
      const amount = unitDiscount(promotion, cls.value);
      if (amount <= 0) continue;
      const tie = amount === best.amount && best.promotion !== null && comparePromotions(promotion, best.promotion) < 0;
      const better = amount > best.amount || tie;
      if (better) best = { amount, promotion };
    }
    return best;
  });
}

function unitDiscount(promotion: UnitPromotion, value: number): number {
  const amount = promotion.kind === 'percent-off' ? percentOf(value, promotion.percent) : promotion.amount;
  return Math.min(amount, value);
}
