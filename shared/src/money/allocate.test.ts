import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.js';

describe('largest remainder allocation', () => {
  it('splits proportionally and the parts add up to the total', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(1000, [3000, 1000])).toEqual([750, 250]);
  });

  it('gives the leftover øre to the largest remainders, earlier index first on a tie', () => {
    expect(allocate(5, [1, 1, 1, 1])).toEqual([2, 1, 1, 1]);
    expect(allocate(10, [1, 2, 2])).toEqual([2, 4, 4]);
    expect(allocate(2, [1, 1, 1])).toEqual([1, 1, 0]);
  });

  it('mirrors a negative total', () => {
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
  });

  it('gives nothing to a zero weight and refuses a total over nothing', () => {
    expect(allocate(10, [0, 5])).toEqual([0, 10]);
    expect(allocate(0, [0, 0])).toEqual([0, 0]);
    expect(() => allocate(1, [0, 0])).toThrow(RangeError);
    expect(allocate(0, [])).toEqual([]);
  });

  it('stays exact beyond 2^53', () => {
    const parts = allocate(100_000_000, [90_000_000_000, 10_000_000_000]);
    expect(parts).toEqual([90_000_000, 10_000_000]);
  });

  it('always sums to the total and never gives a part more than its weight (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1_000_000), { minLength: 1, maxLength: 20 }), fc.nat(1_000_000), (weights, raw) => {
        const sum = weights.reduce((a, b) => a + b, 0);
        fc.pre(sum > 0);
        const total = raw % (sum + 1);
        const parts = allocate(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        parts.forEach((part, i) => {
          expect(part).toBeGreaterThanOrEqual(0);
          expect(part).toBeLessThanOrEqual(weights[i] ?? 0);
        });
      }),
    );
  });
});
