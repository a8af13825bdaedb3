/** Rules of the daily order numbers: count up, wrap round, skip the ones still open. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORDER_NUMBERS, nextOrderNumber } from './numbers.js';

const none = new Set<number>();

describe('order numbers', () => {
  it("the day's first order gets the first number of the range", () => {
    expect(nextOrderNumber(null, none)).toBe(DEFAULT_ORDER_NUMBERS.from);
    expect(nextOrderNumber(null, none, { from: 100, to: 199 })).toBe(100);
  });

  it('numbers count up from the last one given', () => {
    expect(nextOrderNumber(41, none)).toBe(42);
  });

  it('after the end of the range the numbers start again at its beginning', () => {
    expect(nextOrderNumber(999, none)).toBe(1);
    expect(nextOrderNumber(199, none, { from: 100, to: 199 })).toBe(100);
  });

  it('a number whose order is still open is skipped', () => {
    expect(nextOrderNumber(41, new Set([42, 43]))).toBe(44);
    expect(nextOrderNumber(998, new Set([999, 1, 2]))).toBe(3);
    expect(nextOrderNumber(null, new Set([1]))).toBe(2);
  });

  it('the last number comes round again when every other number is open', () => {
    expect(nextOrderNumber(3, new Set([1, 2, 4, 5]), { from: 1, to: 5 })).toBe(3);
  });

  it('no number is given when every number is open', () => {
    expect(nextOrderNumber(3, new Set([1, 2, 3, 4, 5]), { from: 1, to: 5 })).toBeNull();
    expect(nextOrderNumber(null, new Set([7]), { from: 7, to: 7 })).toBeNull();
  });

  it('a last number outside the range (the range was changed) starts again at its beginning', () => {
    expect(nextOrderNumber(1500, none)).toBe(1);
    expect(nextOrderNumber(5, none, { from: 100, to: 199 })).toBe(100);
  });

  it('the number given is in the range, not open, and the first free one after the last', () => {
    const range = { from: 1, to: 20 };
    fc.assert(
      fc.property(fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }), fc.uniqueArray(fc.integer({ min: 1, max: 20 }), { maxLength: 20 }), (last, openList) => {
        const open = new Set(openList);
        const n = nextOrderNumber(last, open, range);
        if (open.size === 20) return expect(n).toBeNull();
        expect(n).not.toBeNull();
        expect(n! >= range.from && n! <= range.to && !open.has(n!)).toBe(true);
        // Every number passed over on the way from the last one is open.
        const from = last === null ? range.from : (last % 20) + 1;
        for (let k = from; k !== n; k = (k % 20) + 1) expect(open.has(k)).toBe(true);
      }),
    );
  });
});
