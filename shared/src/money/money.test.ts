import { describe, expect, it } from 'vitest';
import { addMoney, money, subMoney, sumMoney } from './money.js';

describe('money values', () => {
  it('holds whole minor units only', () => {
    expect(money(3975, 'DKK')).toEqual({ amount: 3975, currency: 'DKK' });
    expect(() => money(39.75, 'DKK')).toThrow(RangeError);
    expect(() => money(Number.NaN, 'DKK')).toThrow(RangeError);
    expect(() => money(2 ** 53, 'DKK')).toThrow(RangeError);
  });

  it('needs an ISO currency code', () => {
    expect(() => money(1, 'dkk')).toThrow(RangeError);
    expect(() => money(1, 'kr')).toThrow(RangeError);
  });

  it('adds and subtracts in one currency', () => {
    expect(addMoney(money(100, 'DKK'), money(25, 'DKK'))).toEqual(money(125, 'DKK'));
    expect(subMoney(money(100, 'DKK'), money(125, 'DKK'))).toEqual(money(-25, 'DKK'));
    expect(sumMoney([money(1, 'EUR'), money(2, 'EUR')], 'EUR')).toEqual(money(3, 'EUR'));
    expect(sumMoney([], 'DKK')).toEqual(money(0, 'DKK'));
  });

  it('refuses to mix currencies', () => {
    expect(() => addMoney(money(100, 'DKK'), money(100, 'EUR'))).toThrow(/mix currencies/);
    expect(() => subMoney(money(100, 'DKK'), money(100, 'SEK'))).toThrow(/mix currencies/);
  });
});
