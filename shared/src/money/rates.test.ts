import { describe, expect, it } from 'vitest';
import { percentOf, priceByWeight, vatFromGross } from './rates.js';

describe('price by weight', () => {
  it('is rounded once per line, half away from zero', () => {
    // 29,95 kr/kg × 0,350 kg = 10,4825 kr → 10,48 kr
    expect(priceByWeight(2995, 350)).toBe(1048);
    // 10,10 kr/kg × 0,050 kg = 0,505 kr → 0,51 kr (half goes up)
    expect(priceByWeight(1010, 50)).toBe(51);
    expect(priceByWeight(1010, 0)).toBe(0);
  });

  it('rejects negative or fractional inputs', () => {
    expect(() => priceByWeight(-1, 100)).toThrow(RangeError);
    expect(() => priceByWeight(1000, 1.5)).toThrow(RangeError);
  });
});

describe('percent of an amount', () => {
  it('rounds basis points half away from zero', () => {
    expect(percentOf(3995, 1500)).toBe(599); // 599,25
    expect(percentOf(10, 500)).toBe(1); // 0,5 → 1
    expect(percentOf(-10, 500)).toBe(-1);
    expect(percentOf(12345, 10_000)).toBe(12345);
  });
});

describe('VAT contained in a VAT-inclusive amount', () => {
  it('is a fifth of the gross at 25 %', () => {
    expect(vatFromGross(10_000, 2500)).toBe(2000);
    expect(vatFromGross(12_500, 2500)).toBe(2500);
  });

  it('rounds half away from zero', () => {
    // 2,50 kr at 25 %: 0,50 kr exactly; 0,03 kr: 0,006 → 0,01
    expect(vatFromGross(250, 2500)).toBe(50);
    expect(vatFromGross(3, 2500)).toBe(1);
    expect(vatFromGross(-3, 2500)).toBe(-1);
  });

  it('is zero at a 0 % rate', () => {
    expect(vatFromGross(9999, 0)).toBe(0);
  });
});
