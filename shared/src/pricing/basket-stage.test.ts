import { describe, expect, it } from 'vitest';
import { basket, product, promo, target } from './__tests__/builders.js';
import { priceBasket } from './engine.js';

const wine = product({ id: 'wine', price: 10_000 });
const cheese = product({ id: 'cheese', price: 5_000 });
const tenAbove300 = promo({ id: 'basket-10', kind: 'basket-percent', percent: 1000, minTotal: 30_000 });

describe('basket discounts', () => {
  it('basket 10 % above 300 kr', () => {
    const result = priceBasket(basket([wine, cheese], [['wine', 3], ['cheese']], { promotions: [tenAbove300] }));
    expect(result.totals).toMatchObject({ gross: 35_000, discount: 3_500, total: 31_500 });
    // spread over the lines in proportion to their prices
    expect(result.lines.map((l) => l.discounts)).toEqual([
      [{ campaignId: 'basket-10', amount: 3000 }],
      [{ campaignId: 'basket-10', amount: 500 }],
    ]);
  });

  it('does not apply below its minimum', () => {
    const result = priceBasket(basket([wine, cheese], [['wine', 2], ['cheese', 1]], { promotions: [tenAbove300] }));
    expect(result.totals.discount).toBe(0);
  });

  it('the minimum is checked on the total after item promotions', () => {
    const wineOff = promo({ id: 'wine-5kr', kind: 'amount-off', target: target('wine'), amount: 500 });
    const result = priceBasket(basket([wine], [['wine', 3]], { promotions: [tenAbove300, wineOff] }));
    // 300 kr − 3 × 5 kr = 285 kr: below 300 kr, so no basket discount
    expect(result.totals).toMatchObject({ discount: 1500, total: 28_500 });
  });

  it('only the best single basket promotion applies', () => {
    const fiftyOff = promo({ id: 'basket-50kr', kind: 'basket-amount', amount: 5000, minTotal: 30_000 });
    const twentyOff = promo({ id: 'basket-20kr', kind: 'basket-amount', amount: 2000 });
    const result = priceBasket(basket([wine], [['wine', 4]], { promotions: [twentyOff, tenAbove300, fiftyOff] }));
    expect(result.adjustments.map((a) => [a.campaignId, a.amount])).toEqual([['basket-50kr', 5000]]);
  });

  it('a basket amount never takes the basket below zero', () => {
    const huge = promo({ id: 'huge', kind: 'basket-amount', amount: 1_000_000 });
    const result = priceBasket(basket([cheese], [['cheese']], { promotions: [huge] }));
    expect(result.totals).toMatchObject({ discount: 5000, total: 0 });
  });
});
