import { describe, expect, it } from 'vitest';
import { basket, product, promo, target } from './__tests__/builders.js';
import { priceBasket } from './engine.js';

const pasta = product({ id: 'pasta', price: 2000, department: 'dry' });
const rice = product({ id: 'rice', price: 1500, department: 'dry' });
const beans = product({ id: 'beans', price: 1000, department: 'dry' });
const threeForTwo = promo({ id: 'dry-3for2', kind: 'n-for-m', target: { departments: ['dry'] }, buy: 3, pay: 2 });

describe('n for m', () => {
  it('3 for 2 makes the cheapest unit free', () => {
    const result = priceBasket(basket([pasta, rice, beans], [['pasta'], ['rice'], ['beans']], { promotions: [threeForTwo] }));
    expect(result.totals).toMatchObject({ gross: 4500, discount: 1000, total: 3500 });
    expect(result.lines.map((l) => l.paidPrice)).toEqual([2000, 1500, 0]);
    expect(result.adjustments[0]?.allocations).toEqual([{ lineId: 'l3', amount: 1000 }]);
  });

  it('groups the most expensive units together so the customer saves most', () => {
    // 20, 20, 20, 15, 15, 10: groups (20,20,20) and (15,15,10) free 20 + 10 = 30 kr
    const result = priceBasket(
      basket([pasta, rice, beans], [['pasta', 3], ['rice', 2], ['beans']], { promotions: [threeForTwo] }),
    );
    expect(result.totals.discount).toBe(3000);
  });

  it('gives nothing until a whole group is in the basket', () => {
    const result = priceBasket(basket([pasta], [['pasta', 2]], { promotions: [threeForTwo] }));
    expect(result.totals.discount).toBe(0);
  });

  it('works within one product too', () => {
    const pastaOnly = promo({ id: 'pasta-3for2', kind: 'n-for-m', target: target('pasta'), buy: 3, pay: 2 });
    const result = priceBasket(basket([pasta], [['pasta', 7]], { promotions: [pastaOnly] }));
    expect(result.totals.discount).toBe(4000);
  });
});
