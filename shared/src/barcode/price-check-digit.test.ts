import { describe, expect, it } from 'vitest';
import { priceCheckDigit } from './index.js';

describe('GS1 price/measure verifier digit', () => {
  it('a 4-digit price: weights 2-, 2-, 3, 5-, sum times 3, units digit (2875 → 9)', () => {
    // 2→4, 8→5, 7→1, 5→3; sum 13; 13 × 3 = 39 → 9 (GS1 General Specifications §7.9.3)
    expect(priceCheckDigit('2875')).toBe(9);
    expect(priceCheckDigit('1234')).toBe(9);
    expect(priceCheckDigit('0000')).toBe(0);
  });

  it('a 5-digit price: weights 5+, 2-, 5-, 5+, 2-, then the digit whose 5- product is 10 minus the sum (14685 → 6)', () => {
    // 1→5, 4→8, 6→7, 8→4, 5→9; sum 33; 10 − 3 = 7; 5- of 6 is 7 → 6 (§7.9.4)
    expect(priceCheckDigit('14685')).toBe(6);
    expect(priceCheckDigit('00239')).toBe(4);
    expect(priceCheckDigit('00012')).toBe(9);
  });

  it('takes only 4 or 5 digits', () => {
    expect(() => priceCheckDigit('123')).toThrow(RangeError);
    expect(() => priceCheckDigit('123456')).toThrow(RangeError);
    expect(() => priceCheckDigit('12a4')).toThrow(RangeError);
  });
});
