import { describe, expect, it } from 'vitest';
import { basket, product, promo, target } from './__tests__/builders.js';
import { priceBasket } from './engine.js';

const soap = product({ id: 'soap', price: 2000 });

describe('ties between equally good promotions', () => {
  it('ties broken by campaign id: the smaller id wins, whatever the input order', () => {
    const b = promo({ id: 'b-camp', kind: 'percent-off', target: target('soap'), percent: 1000 });
    const a = promo({ id: 'a-camp', kind: 'amount-off', target: target('soap'), amount: 200 });
    for (const promotions of [[a, b], [b, a]]) {
      const result = priceBasket(basket([soap], [['soap']], { promotions }));
      expect(result.adjustments.map((x) => x.campaignId)).toEqual(['a-camp']);
    }
  });

  it('between group promotions saving the same, the smaller id wins', () => {
    const z = promo({ id: 'z-multibuy', kind: 'multibuy', target: target('soap'), quantity: 2, price: 3000 });
    const y = promo({ id: 'y-mix', kind: 'mix-match', target: target('soap'), quantity: 2, price: 3000 });
    for (const promotions of [[z, y], [y, z]]) {
      const result = priceBasket(basket([soap], [['soap', 4]], { promotions }));
      expect(result.adjustments.map((x) => [x.campaignId, x.amount])).toEqual([['y-mix', 2000]]);
    }
  });

  it('between basket promotions saving the same, the smaller id wins', () => {
    const p = promo({ id: 'p-pct', kind: 'basket-percent', percent: 1000 });
    const q = promo({ id: 'q-amt', kind: 'basket-amount', amount: 200 });
    for (const promotions of [[p, q], [q, p]]) {
      const result = priceBasket(basket([soap], [['soap']], { promotions }));
      expect(result.adjustments.map((x) => x.campaignId)).toEqual(['p-pct']);
    }
  });
});
