import { describe, expect, it } from 'vitest';
import { basket, product, promo, target } from './__tests__/builders.js';
import { priceBasket } from './engine.js';

const cola = product({ id: 'cola', price: 1800 });
const fanta = product({ id: 'fanta', price: 1700 });
const twoFor30 = promo({ id: 'soda-2for30', kind: 'multibuy', target: target('cola', 'fanta'), quantity: 2, price: 3000 });

describe('multibuy', () => {
  it('2 for 30 kr: each pair costs 30 kr, the odd unit full price', () => {
    const result = priceBasket(basket([cola], [['cola', 5]], { promotions: [twoFor30] }));
    // 5 × 18 = 90 kr; two pairs save 2 × 6 = 12 kr
    expect(result.totals).toMatchObject({ gross: 9000, discount: 1200, total: 7800 });
    expect(result.lines[0]?.discounts).toEqual([{ campaignId: 'soda-2for30', amount: 1200 }]);
    expect(result.adjustments).toEqual([
      { campaignId: 'soda-2for30', kind: 'multibuy', name: { da: 'soda-2for30' }, amount: 1200, allocations: [{ lineId: 'l1', amount: 1200 }] },
    ]);
  });

  it('counts units of the same product across lines', () => {
    const result = priceBasket(basket([cola], [['cola'], ['cola']], { promotions: [twoFor30] }));
    expect(result.totals.total).toBe(3000);
    expect(result.lines.map((l) => l.paidPrice)).toEqual([1500, 1500]);
  });

  it('does not mix different products (that is mix-and-match)', () => {
    const result = priceBasket(basket([cola, fanta], [['cola'], ['fanta']], { promotions: [twoFor30] }));
    expect(result.totals.discount).toBe(0);
  });

  it('never raises a price: a multibuy above the normal price gives no discount', () => {
    const dear = promo({ id: 'dear', kind: 'multibuy', target: target('fanta'), quantity: 2, price: 3500 });
    const result = priceBasket(basket([fanta], [['fanta', 2]], { promotions: [dear] }));
    expect(result.totals).toMatchObject({ total: 3400, discount: 0 });
    expect(result.adjustments).toEqual([]);
  });
});
