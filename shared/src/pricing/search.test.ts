import { describe, expect, it } from 'vitest';
import type { Product, Promotion } from '../catalog/schema.js';
import { basket, product, promo, target } from './__tests__/builders.js';
import { priceBasket } from './engine.js';
import { itemDiscounts } from './item-stage.js';
import { resolveLines } from './lines.js';
import { PRICING_SEARCH_BUDGET } from './search.js';
import type { PricingInput } from './types.js';

const beer = product({ id: 'beer', price: 5000 });

describe('choosing the best combination of item promotions', () => {
  it('finds the combination saving most, even when the greedy choice is worse', () => {
    // 2 for 60 kr saves 20 kr a unit, 3 for 2 only 16,67 kr a unit; but with 3 beers the 3 for 2
    // saves 50 kr against 40 kr for one pair
    const pair = promo({ id: 'beer-2for60', kind: 'multibuy', target: target('beer'), quantity: 2, price: 6000 });
    const three = promo({ id: 'beer-3for2', kind: 'n-for-m', target: target('beer'), buy: 3, pay: 2 });
    const result = priceBasket(basket([beer], [['beer', 3]], { promotions: [pair, three] }));
    expect(result.totals.discount).toBe(5000);
    expect(result.adjustments.map((a) => a.campaignId)).toEqual(['beer-3for2']);
  });

  it('combines promotions on the same product when that saves most', () => {
    const pair = promo({ id: 'beer-2for60', kind: 'multibuy', target: target('beer'), quantity: 2, price: 6000 });
    const three = promo({ id: 'beer-3for2', kind: 'n-for-m', target: target('beer'), buy: 3, pay: 2 });
    // 5 beers: 3 for 2 (50 kr) + one pair (40 kr) = 90 kr beats two pairs (80 kr)
    const result = priceBasket(basket([beer], [['beer', 5]], { promotions: [pair, three] }));
    expect(result.totals.discount).toBe(9000);
  });

  it('keeps a per-unit discount when it beats a group promotion on the same units', () => {
    const pct = promo({ id: 'beer-30', kind: 'percent-off', target: target('beer'), percent: 3000 });
    const mix = promo({ id: 'beer-2for75', kind: 'mix-match', target: target('beer'), quantity: 2, price: 7500 });
    const result = priceBasket(basket([beer], [['beer', 2]], { promotions: [pct, mix] }));
    expect(result.adjustments.map((a) => [a.campaignId, a.amount])).toEqual([['beer-30', 3000]]);
  });
});

describe('the search bound', () => {
  /** n products, each in many overlapping group promotions: the worst case for the search. */
  function crowded(units: number, promotions: number): { input: PricingInput; products: Product[] } {
    const products = Array.from({ length: 20 }, (_, i) => product({ id: `p${i}`, price: 1000 + 137 * i, department: `d${i % 3}` }));
    const kinds = (i: number): Promotion => {
      const ids = [`p${i % 20}`, `p${(i * 7) % 20}`, `p${(i * 11 + 3) % 20}`];
      switch (i % 5) {
        case 0: return promo({ id: `c${i}`, kind: 'mix-match', target: target(...ids), quantity: 2 + (i % 3), price: 1500 + 100 * i });
        case 1: return promo({ id: `c${i}`, kind: 'n-for-m', target: { departments: [`d${i % 3}`] }, buy: 3, pay: 2 });
        case 2: return promo({ id: `c${i}`, kind: 'multibuy', target: target(...ids), quantity: 2, price: 1800 + 50 * i });
        case 3: return promo({ id: `c${i}`, kind: 'bundle', components: [target(...ids), { departments: ['d1'] }], price: 1900 });
        default: return promo({ id: `c${i}`, kind: 'percent-off', target: target(...ids), percent: 500 + 100 * i });
      }
    };
    const lines: Array<[string, number]> = [];
    for (let left = units, i = 0; left > 0; i++) {
      const q = Math.min(left, 1 + (i % 4));
      lines.push([`p${i % 20}`, q]);
      left -= q;
    }
    const input = basket(products, lines, { promotions: Array.from({ length: promotions }, (_, i) => kinds(i)) });
    return { input, products };
  }

  it('a large basket (200 units, 30 promotions) finishes: the budget keeps the search finite', () => {
    const { input } = crowded(200, 30);
    const lines = resolveLines(input.lines, input.products, null);
    const { stats } = itemDiscounts(lines, input.promotions);
    expect(stats.limited).toBe(true);
    // each component stops soon after its budget: the rest of its last branch only
    expect(stats.work).toBeLessThan(stats.components * PRICING_SEARCH_BUDGET * 2);
    const result = priceBasket(input);
    expect(result.totals.total).toBe(result.lines.reduce((s, l) => s + l.paidPrice, 0));
    expect(result.totals.discount).toBeGreaterThan(0);
  });

  it('hitting the budget still gives the same answer every time', () => {
    const { input } = crowded(200, 30);
    const first = priceBasket(input);
    const shuffled = { ...input, promotions: [...input.promotions].reverse() };
    expect(priceBasket(shuffled)).toEqual(first);
  });

  it('a tiny budget still returns the greedy plan, not nothing', () => {
    const { input } = crowded(60, 10);
    const lines = resolveLines(input.lines, input.products, null);
    const tight = itemDiscounts(lines, input.promotions, 1);
    const full = itemDiscounts(lines, input.promotions);
    const saved = (a: ReturnType<typeof itemDiscounts>) => a.attributions.reduce((s, x) => s + x.amount, 0);
    expect(saved(tight)).toBeGreaterThan(0);
    expect(saved(full)).toBeGreaterThanOrEqual(saved(tight));
  });
});
