import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulDivRound, roundHalfAwayFromZero } from './rounding.js';

describe('rounding half away from zero', () => {
  it('rounds halves away from zero on both sides', () => {
    expect(roundHalfAwayFromZero(5n, 2n)).toBe(3n);
    expect(roundHalfAwayFromZero(-5n, 2n)).toBe(-3n);
    expect(roundHalfAwayFromZero(5n, -2n)).toBe(-3n);
    expect(roundHalfAwayFromZero(7n, 3n)).toBe(2n);
    expect(roundHalfAwayFromZero(-7n, 3n)).toBe(-2n);
  });

  it('mulDivRound computes round(a*b/c) exactly', () => {
    expect(mulDivRound(1, 1, 2)).toBe(1);
    expect(mulDivRound(-1, 1, 2)).toBe(-1);
    expect(mulDivRound(3, 1, 4)).toBe(1);
    expect(mulDivRound(1, 1, 4)).toBe(0);
    expect(mulDivRound(0, -5, 3)).toBe(0);
    expect(Object.is(mulDivRound(0, -5, -3), 0)).toBe(true);
  });

  it('stays exact when a*b exceeds 2^53', () => {
    // 9 007 199 254 740 991 × 3 / 2 = 13 510 798 882 111 486.5 → too big: must throw, not guess
    expect(() => mulDivRound(Number.MAX_SAFE_INTEGER, 3, 2)).toThrow(RangeError);
    // 2^52 × 1001 / 1001 needs BigInt for the product but fits in the result
    expect(mulDivRound(2 ** 52, 1001, 1001)).toBe(2 ** 52);
    expect(mulDivRound(100_000_000_000, 250_001, 500_002)).toBe(50_000_000_000);
  });

  it('rejects fractions and division by zero', () => {
    expect(() => mulDivRound(1.5, 2, 3)).toThrow(RangeError);
    expect(() => mulDivRound(1, 2, 0)).toThrow(RangeError);
  });

  it('agrees with BigInt arithmetic, and refuses results beyond 2^53 (property)', () => {
    const int = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1e9, max: 1e9 }));
    const divisor = int.filter((c) => c !== 0);
    fc.assert(
      fc.property(int, int, divisor, (a, b, c) => {
        const exact = roundHalfAwayFromZero(BigInt(a) * BigInt(b), BigInt(c));
        if (exact > BigInt(Number.MAX_SAFE_INTEGER) || exact < -BigInt(Number.MAX_SAFE_INTEGER)) {
          expect(() => mulDivRound(a, b, c)).toThrow(RangeError);
        } else {
          expect(mulDivRound(a, b, c)).toBe(Number(exact));
        }
      }),
    );
  });
});
