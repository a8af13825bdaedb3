import { describe, expect, it } from 'vitest';
import { basket, product, promo, target } from './__tests__/builders.js';
import { priceBasket } from './engine.js';

const coffee = product({ id: 'coffee', price: 4995 });
const tea = product({ id: 'tea', price: 1500 });
const steak = product({ id: 'steak', price: 19_900, unit: 'kg' });

describe('percent and amount off each unit', () => {
  it('percent off rounds per unit, half away from zero', () => {
    const pct = promo({ id: 'coffee-15', kind: 'percent-off', target: target('coffee'), percent: 1500 });
    const result = priceBasket(basket([coffee], [['coffee', 2]], { promotions: [pct] }));
    // 15 % of 49,95 = 7,4925 → 7,49 per unit
    expect(result.totals.discount).toBe(2 * 749);
  });

  it('amount off never makes a unit negative', () => {
    const off = promo({ id: 'tea-20kr', kind: 'amount-off', target: target('tea'), amount: 2000 });
    const result = priceBasket(basket([tea], [['tea', 3]], { promotions: [off] }));
    expect(result.totals).toMatchObject({ discount: 4500, total: 0 });
    expect(result.lines[0]?.paidPrice).toBe(0);
  });

  it('a weighed line is one unit: amount off applies once', () => {
    const off = promo({ id: 'steak-10kr', kind: 'amount-off', target: target('steak'), amount: 1000 });
    const result = priceBasket(basket([steak], [['steak', 1, { weightGrams: 800 }]], { promotions: [off] }));
    expect(result.totals).toMatchObject({ gross: 15_920, discount: 1000 });
  });

  it('each unit takes only its best promotion, never two', () => {
    const pct = promo({ id: 'coffee-10', kind: 'percent-off', target: target('coffee'), percent: 1000 });
    const off = promo({ id: 'coffee-10kr', kind: 'amount-off', target: target('coffee'), amount: 1000 });
    const result = priceBasket(basket([coffee], [['coffee']], { promotions: [pct, off] }));
    expect(result.lines[0]?.discounts).toEqual([{ campaignId: 'coffee-10kr', amount: 1000 }]);
  });
});
