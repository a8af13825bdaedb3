import { describe, expect, it } from 'vitest';
import { basket, product, promo, target } from './__tests__/builders.js';
import { priceBasket } from './engine.js';

const wine = product({ id: 'wine', price: 9_995, vatRate: 2500 });
const paper = product({ id: 'newspaper', price: 3_000, vatRate: 0 });
const cheese = product({ id: 'cheese', price: 3_333, vatRate: 2500 });

describe('totals and VAT', () => {
  it('VAT per rate on paid prices, mixed 25 % and 0 % lines', () => {
    const off = promo({ id: 'wine-20', kind: 'percent-off', target: target('wine'), percent: 2000 });
    const result = priceBasket(basket([wine, paper, cheese], [['wine'], ['newspaper'], ['cheese', 2]], { promotions: [off] }));
    // wine 99,95 − 19,99 = 79,96; cheese 2 × 33,33 = 66,66; 25 % on 146,62 = 29,324 → 29,32
    expect(result.totals.vat).toEqual([
      { rate: 2500, gross: 14_662, vat: 2_932, net: 11_730 },
      { rate: 0, gross: 3_000, vat: 0, net: 3_000 },
    ]);
  });

  it('VAT is computed on the sum per rate, not per line', () => {
    // per line: 0,03 kr → VAT 0,006 → 0,01 each, 0,03 kr for three lines; on the sum 0,09 kr → 0,018 → 0,02
    const gum = product({ id: 'gum', price: 3 });
    const result = priceBasket(basket([gum], [['gum'], ['gum'], ['gum']]));
    expect(result.totals.vat).toEqual([{ rate: 2500, gross: 9, vat: 2, net: 7 }]);
  });

  it('gross, discount and total add up; the item count counts units, a weighed line as one', () => {
    const apples = product({ id: 'apples', price: 2_000, unit: 'kg' });
    const off = promo({ id: 'wine-10kr', kind: 'amount-off', target: target('wine'), amount: 1000 });
    const result = priceBasket(
      basket([wine, apples], [['wine', 3], ['apples', 1, { weightGrams: 1500 }]], { promotions: [off] }),
    );
    expect(result.totals).toMatchObject({ currency: 'DKK', gross: 32_985, discount: 3_000, total: 29_985, itemCount: 4 });
  });

  it('lines keep their input order', () => {
    const result = priceBasket(basket([wine, paper, cheese], [['newspaper'], ['wine'], ['cheese'], ['newspaper']]));
    expect(result.lines.map((l) => [l.lineId, l.productId])).toEqual([
      ['l1', 'newspaper'],
      ['l2', 'wine'],
      ['l3', 'cheese'],
      ['l4', 'newspaper'],
    ]);
  });

  it('an empty basket costs nothing', () => {
    const result = priceBasket(basket([], []));
    expect(result.totals).toEqual({ currency: 'DKK', gross: 0, discount: 0, total: 0, vat: [], itemCount: 0 });
  });
});
