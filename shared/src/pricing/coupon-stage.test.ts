import { describe, expect, it } from 'vitest';
import { basket, product, promo, target } from './__tests__/builders.js';
import { priceBasket } from './engine.js';

const coffee = product({ id: 'coffee', price: 5_000 });
const bread = product({ id: 'bread', price: 3_000 });
const tenOff = promo({ id: 'cpn-10', kind: 'coupon', code: 'TEN', percent: 1000 });
const coffee20 = promo({ id: 'cpn-coffee', kind: 'coupon', code: 'COFFEE', target: target('coffee'), amount: 2000 });

describe('coupons', () => {
  it('a coupon applies only when scanned', () => {
    const lines: Array<[string, number]> = [['coffee', 1], ['bread', 1]];
    expect(priceBasket(basket([coffee, bread], lines, { promotions: [tenOff] })).totals.discount).toBe(0);
    expect(priceBasket(basket([coffee, bread], lines, { promotions: [tenOff], coupons: ['OTHER'] })).totals.discount).toBe(0);
    expect(priceBasket(basket([coffee, bread], lines, { promotions: [tenOff], coupons: ['TEN'] })).totals.discount).toBe(800);
  });

  it('applies last, after item and basket promotions', () => {
    const half = promo({ id: 'coffee-half', kind: 'percent-off', target: target('coffee'), percent: 5000 });
    const basket10 = promo({ id: 'basket-10kr', kind: 'basket-amount', amount: 1000 });
    const result = priceBasket(
      basket([coffee, bread], [['coffee'], ['bread']], { promotions: [tenOff, half, basket10], coupons: ['TEN'] }),
    );
    // 80 kr − 25 kr (coffee half) = 55 kr − 10 kr basket = 45 kr − 10 % = 40,50 kr
    expect(result.totals.total).toBe(4050);
    expect(result.adjustments.map((a) => a.campaignId)).toEqual(['coffee-half', 'basket-10kr', 'cpn-10']);
  });

  it('each coupon applies once, however often it is scanned', () => {
    const result = priceBasket(basket([coffee], [['coffee']], { promotions: [coffee20], coupons: ['COFFEE', 'COFFEE'] }));
    expect(result.totals.discount).toBe(2000);
  });

  it('a targeted coupon touches only its lines and never takes them below zero', () => {
    const big = promo({ id: 'cpn-big', kind: 'coupon', code: 'BIG', target: target('bread'), amount: 10_000 });
    const result = priceBasket(basket([coffee, bread], [['coffee'], ['bread']], { promotions: [big], coupons: ['BIG'] }));
    expect(result.lines.map((l) => l.paidPrice)).toEqual([5000, 0]);
  });

  it('a coupon with a minimum needs the total before coupons to reach it', () => {
    const min = promo({ id: 'cpn-min', kind: 'coupon', code: 'MIN', amount: 1000, minTotal: 10_000 });
    const small = basket([coffee], [['coffee']], { promotions: [min], coupons: ['MIN'] });
    expect(priceBasket(small).totals.discount).toBe(0);
    const large = basket([coffee], [['coffee', 2]], { promotions: [min], coupons: ['MIN'] });
    expect(priceBasket(large).totals.discount).toBe(1000);
  });
});
