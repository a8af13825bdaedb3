import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, isValidGtin, toGtin14 } from './index.js';

describe('GS1 mod-10 check digit', () => {
  it('weights the digits 3, 1, 3, … from the right (GS1 General Specifications §7.9.1)', () => {
    expect(gtinCheckDigit('950110153001')).toBe(0); // GTIN-13 9501101530010
    expect(gtinCheckDigit('9501234')).toBe(6); // GTIN-8 95012346
    expect(gtinCheckDigit('03600029145')).toBe(2); // UPC-A 036000291452
    expect(gtinCheckDigit('37610425002123456')).toBe(9); // SSCC 376104250021234569
  });

  it('refuses non-digits loudly instead of computing nonsense', () => {
    expect(() => gtinCheckDigit('12a4')).toThrow(RangeError);
    expect(() => gtinCheckDigit('')).toThrow(RangeError);
  });
});

describe('GTIN validation', () => {
  it('accepts GTIN-8, -12, -13 and -14 with a correct check digit', () => {
    for (const gtin of ['95012346', '036000291452', '9501101530010', '10012345678902']) {
      expect(isValidGtin(gtin)).toBe(true);
    }
  });

  it('rejects a wrong check digit, other lengths and non-digits', () => {
    expect(isValidGtin('9501101530011')).toBe(false);
    expect(isValidGtin('950110153001')).toBe(false);
    expect(isValidGtin('95011015300100')).toBe(false);
    expect(isValidGtin('95O1101530010')).toBe(false);
  });

  it('toGtin14 validates and zero-pads to 14 digits', () => {
    expect(toGtin14('95012346')).toBe('00000095012346');
    expect(toGtin14('036000291452')).toBe('00036000291452');
    expect(toGtin14('9501101530010')).toBe('09501101530010');
    expect(toGtin14('10012345678902')).toBe('10012345678902');
  });

  it('toGtin14 answers null for anything that is not a valid GTIN', () => {
    expect(toGtin14('9501101530011')).toBeNull();
    expect(toGtin14('1234')).toBeNull();
    expect(toGtin14('')).toBeNull();
  });
});
