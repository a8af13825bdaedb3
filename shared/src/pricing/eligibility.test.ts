import { describe, expect, it } from 'vitest';
import { basket, MEMBER, NOW, product, promo, target } from './__tests__/builders.js';
import { priceBasket } from './engine.js';

const tea = product({ id: 'tea', price: 2000 });
const half = (extra: object) => promo({ id: 'tea-half', kind: 'percent-off', target: target('tea'), percent: 5000, ...extra });

describe('which campaigns apply', () => {
  it('an expired campaign does not apply', () => {
    const expired = half({ validFrom: '2025-03-01T00:00:00+01:00', validTo: '2025-03-09T23:59:59+01:00' });
    expect(priceBasket(basket([tea], [['tea']], { promotions: [expired] })).totals.discount).toBe(0);
  });

  it('a campaign not yet started does not apply', () => {
    const future = half({ validFrom: '2025-03-11T00:00:00+01:00' });
    expect(priceBasket(basket([tea], [['tea']], { promotions: [future] })).totals.discount).toBe(0);
  });

  it('a running campaign applies, its first and last moment included', () => {
    const running = half({ validFrom: NOW, validTo: NOW });
    expect(priceBasket(basket([tea], [['tea']], { promotions: [running] })).totals.discount).toBe(1000);
    const asDate = basket([tea], [['tea']], { promotions: [running], now: new Date(NOW) });
    expect(priceBasket(asDate).totals.discount).toBe(1000);
  });

  it('a member-only campaign needs an identified member', () => {
    const members = half({ memberOnly: true });
    expect(priceBasket(basket([tea], [['tea']], { promotions: [members] })).totals.discount).toBe(0);
    expect(priceBasket(basket([tea], [['tea']], { promotions: [members], member: null })).totals.discount).toBe(0);
    expect(priceBasket(basket([tea], [['tea']], { promotions: [members], member: MEMBER })).totals.discount).toBe(1000);
  });

  it('a department target covers every product of the department', () => {
    const dept = promo({ id: 'dept', kind: 'percent-off', target: { departments: ['groceries'] }, percent: 1000 });
    expect(priceBasket(basket([tea], [['tea', 2]], { promotions: [dept] })).totals.discount).toBe(400);
  });
});
