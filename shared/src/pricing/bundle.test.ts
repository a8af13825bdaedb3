import { describe, expect, it } from 'vitest';
import { basket, product, promo, target } from './__tests__/builders.js';
import { priceBasket } from './engine.js';

const burger = product({ id: 'burger', price: 6500, department: 'burgers' });
const cheese = product({ id: 'cheeseburger', price: 7500, department: 'burgers' });
const fries = product({ id: 'fries', price: 3000 });
const soda = product({ id: 'soda', price: 2500, vatRate: 2500 });
const meal = promo({
  id: 'meal-99',
  kind: 'bundle',
  components: [{ departments: ['burgers'] }, target('fries'), target('soda')],
  price: 9900,
});

describe('bundle', () => {
  it('one unit of each component for the bundle price', () => {
    const result = priceBasket(basket([burger, fries, soda], [['burger'], ['fries'], ['soda']], { promotions: [meal] }));
    // 65 + 30 + 25 = 120 kr → 99 kr
    expect(result.totals).toMatchObject({ gross: 12000, discount: 2100, total: 9900 });
  });

  it('needs every component', () => {
    const result = priceBasket(basket([burger, fries], [['burger'], ['fries', 2]], { promotions: [meal] }));
    expect(result.totals.discount).toBe(0);
  });

  it('forms as many bundles as complete sets, the dearest burger first', () => {
    const result = priceBasket(
      basket([burger, cheese, fries, soda], [['burger', 2], ['cheeseburger'], ['fries', 2], ['soda', 2]], { promotions: [meal] }),
    );
    // bundles: (75+30+25) and (65+30+25) → save 31 + 21 = 52 kr; one burger at full price
    expect(result.totals.discount).toBe(5200);
  });
});
