import { describe, expect, it } from 'vitest';
import { basket, product, promo, target } from './__tests__/builders.js';
import { priceBasket } from './engine.js';

const chips = product({ id: 'chips', price: 2500 });
const nuts = product({ id: 'nuts', price: 3000 });
const dip = product({ id: 'dip', price: 1500 });
const anyThreeFor50 = promo({ id: 'snacks-3for50', kind: 'mix-match', target: target('chips', 'nuts', 'dip'), quantity: 3, price: 5000 });

describe('mix and match', () => {
  it('any 3 units across products for one price', () => {
    const result = priceBasket(basket([chips, nuts, dip], [['chips'], ['nuts'], ['dip']], { promotions: [anyThreeFor50] }));
    // 25 + 30 + 15 = 70 kr → 50 kr
    expect(result.totals).toMatchObject({ gross: 7000, discount: 2000, total: 5000 });
    // spread over the three lines in proportion to their prices
    expect(result.adjustments[0]?.allocations).toEqual([
      { lineId: 'l1', amount: 714 },
      { lineId: 'l2', amount: 857 },
      { lineId: 'l3', amount: 429 },
    ]);
  });

  it('picks the most expensive units first, so the customer saves most', () => {
    // units 30, 30, 25, 15: the group takes 30 + 30 + 25 = 85 kr → saves 35 kr; the dip pays full
    const result = priceBasket(basket([chips, nuts, dip], [['dip'], ['chips'], ['nuts', 2]], { promotions: [anyThreeFor50] }));
    expect(result.totals.discount).toBe(3500);
    expect(result.lines[0]?.paidPrice).toBe(1500);
  });

  it('leaves units outside the target alone', () => {
    const cola = product({ id: 'cola', price: 1800 });
    const result = priceBasket(basket([chips, cola], [['chips', 2], ['cola']], { promotions: [anyThreeFor50] }));
    expect(result.totals.discount).toBe(0);
  });
});
