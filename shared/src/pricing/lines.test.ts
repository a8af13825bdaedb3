import { describe, expect, it } from 'vitest';
import { basket, MEMBER, product, promo, target } from './__tests__/builders.js';
import { priceBasket } from './engine.js';
import { PricingError } from './errors.js';

const milk = product({ id: 'milk', price: 1295, memberPrice: 995 });
const apples = product({ id: 'apples', price: 2995, unit: 'kg', memberPrice: 2495 });
const steak = product({ id: 'steak', price: 19_900, unit: 'kg' });
const ham = product({ id: 'ham', price: 2500 });

describe('prices before promotions', () => {
  it('member price replaces the base price when a member is identified', () => {
    const result = priceBasket(basket([milk], [['milk', 2]], { member: MEMBER }));
    expect(result.lines[0]).toMatchObject({ unitPrice: 995, memberPrice: true, grossPrice: 1990, paidPrice: 1990 });
  });

  it('without a member the base price stands', () => {
    const result = priceBasket(basket([milk], [['milk', 2]]));
    expect(result.lines[0]).toMatchObject({ unitPrice: 1295, memberPrice: false, grossPrice: 2590 });
  });

  it('member price applies per kg to weighed lines too', () => {
    const result = priceBasket(basket([apples], [['apples', 1, { weightGrams: 1000 }]], { member: MEMBER }));
    expect(result.lines[0]).toMatchObject({ unitPrice: 2495, memberPrice: true, grossPrice: 2495 });
  });

  it('weighed line: price × weight rounded once, half away from zero', () => {
    // 29,95 kr/kg × 0,350 kg = 10,4825 kr → 10,48 kr
    // 199,00 kr/kg × 0,255 kg = 50,745 kr → 50,75 kr (the half øre goes up, not to even)
    const result = priceBasket(
      basket([apples, steak], [
        ['apples', 1, { weightGrams: 350 }],
        ['steak', 1, { weightGrams: 255 }],
      ]),
    );
    expect(result.lines.map((l) => l.grossPrice)).toEqual([1048, 5075]);
    expect(result.lines[1]).toMatchObject({ weightGrams: 255, unit: 'kg', quantity: 1 });
    expect(result.totals.itemCount).toBe(2);
  });

  it('an RCN label price replaces the catalog price of its line', () => {
    const result = priceBasket(
      basket([steak, ham], [
        ['steak', 1, { labelPrice: 7_450 }],
        ['ham', 1, { labelPrice: 1_995 }],
      ], { member: MEMBER }),
    );
    expect(result.lines.map((l) => l.grossPrice)).toEqual([7450, 1995]);
    expect(result.lines[0]).toMatchObject({ memberPrice: false, paidPrice: 7450 });
    expect(result.totals.total).toBe(9445);
  });

  it('an unknown product or an impossible line is refused with a code', () => {
    const codeOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof PricingError ? e.code : 'other';
      }
      return 'none';
    };
    expect(codeOf(() => priceBasket(basket([milk], [['bread']])))).toBe('unknown-product');
    expect(codeOf(() => priceBasket(basket([milk], [['milk', 0]])))).toBe('invalid-line');
    expect(codeOf(() => priceBasket(basket([milk], [['milk', 1.5]])))).toBe('invalid-line');
    expect(codeOf(() => priceBasket(basket([milk], [['milk', 10_000]])))).toBe('invalid-line');
    expect(codeOf(() => priceBasket(basket([apples], [['apples', 1]])))).toBe('invalid-line');
    expect(codeOf(() => priceBasket(basket([apples], [['apples', 2, { weightGrams: 100 }]])))).toBe('invalid-line');
    expect(codeOf(() => priceBasket(basket([milk], [['milk']], { now: 'yesterday' })))).toBe('invalid-input');
  });

  it('products can come from a lookup function', () => {
    const input = { ...basket([], [['milk', 3]]), products: (id: string) => (id === 'milk' ? milk : undefined) };
    expect(priceBasket(input).totals.total).toBe(3885);
  });
});

describe('an RCN label price on several units', () => {
  it('splits into whole øre, the extra øre on the first units', () => {
    const soap = product({ id: 'soap', price: 1000 });
    const half = promo({ id: 'soap-half', kind: 'percent-off', target: target('soap'), percent: 5000 });
    // 10,00 kr over 3 units: 3,34 + 3,33 + 3,33; half off each: 1,67 + 1,67 (1,665 → 1,67) + 1,67
    const result = priceBasket(basket([soap], [['soap', 3, { labelPrice: 1000 }]], { promotions: [half] }));
    expect(result.lines[0]).toMatchObject({ grossPrice: 1000, paidPrice: 499 });
  });
});
