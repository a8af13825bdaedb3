// Amounts cross to the terminal as decimal major units exactly, and come back to the same øre.
import { describe, expect, it } from 'vitest';
import { majorToMinor, minorToMajor } from './amount.js';

describe('amount conversion', () => {
  it.each([
    [0, 0], [1, 0.01], [10, 0.1], [99, 0.99], [100, 1], [105, 1.05], [1099, 10.99], [1999, 19.99],
    [2990, 29.9], [12345, 123.45], [100000000, 1000000], [123456789, 1234567.89],
  ])('%i øre is %d kroner and back', (minor, major) => {
    expect(minorToMajor(minor, 'DKK')).toBe(major);
    expect(majorToMinor(major, 'DKK')).toBe(minor);
  });

  it('every øre amount up to 1000 kroner survives the round trip', () => {
    const broken: number[] = [];
    for (let minor = 0; minor <= 100000; minor += 1) {
      if (majorToMinor(minorToMajor(minor, 'DKK'), 'DKK') !== minor) broken.push(minor);
    }
    expect(broken).toEqual([]);
  });

  it('float sums that are not exact are never rounded silently', () => {
    expect(() => majorToMinor(0.1 + 0.2, 'DKK')).toThrow(RangeError);
    expect(() => majorToMinor(10.999, 'DKK')).toThrow(RangeError);
  });

  it('only non-negative whole minor units are accepted', () => {
    expect(() => minorToMajor(10.5, 'DKK')).toThrow(RangeError);
    expect(() => minorToMajor(-1, 'DKK')).toThrow(RangeError);
    expect(() => minorToMajor(Number.MAX_SAFE_INTEGER + 1, 'DKK')).toThrow(RangeError);
  });

  it('the currency decides the decimals: JPY none, KWD three', () => {
    expect(minorToMajor(1099, 'JPY')).toBe(1099);
    expect(minorToMajor(1099, 'KWD')).toBe(1.099);
    expect(majorToMinor(1.099, 'KWD')).toBe(1099);
    expect(() => majorToMinor(10.5, 'JPY')).toThrow(RangeError);
  });
});
