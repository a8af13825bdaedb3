/** Step c: the best single basket discount on the total after item promotions. */
import type { Promotion } from '../catalog/schema.js';
import { allocate, percentOf } from '../money/index.js';
import { comparePromotions } from './compare.js';
import type { Ledger } from './ledger.js';

type BasketPromotion = Extract<Promotion, { kind: 'basket-percent' | 'basket-amount' }>;

function isBasketPromotion(p: Promotion): p is BasketPromotion {
  return p.kind === 'basket-percent' || p.kind === 'basket-amount';
}

/**
 * Applies the basket promotion saving most, among those whose minTotal the total after item
 * promotions reaches; equal savings go to the smaller campaign id. The discount is spread over the
 * lines by largest remainder, in proportion to what each line costs so far.
 */
export function applyBasketDiscount(active: readonly Promotion[], ledger: Ledger): void {
  const total = ledger.total();
  let best: { promotion: BasketPromotion; amount: number } | null = null;
  for (const promotion of active.filter(isBasketPromotion)) {
    if (total < promotion.minTotal) continue;
    const amount = basketDiscount(promotion, total);
    if (amount <= 0) continue;
    if (!best || amount > best.amount || (amount === best.amount && comparePromotions(promotion, best.promotion) < 0)) {
      best = { promotion, amount };
    }
  }
  if (!best) return;
  const lines = ledger.paid.map((_, i) => i);
  ledger.addParts(best.promotion, lines, allocate(best.amount, ledger.paid));
}

function basketDiscount(promotion: BasketPromotion, total: number): number {
  const amount = promotion.kind === 'basket-percent' ? percentOf(total, promotion.percent) : promotion.amount;
  return Math.min(amount, total);
}
