import { describe, expect, it } from 'vitest';
import { expandUpcE } from './index.js';

describe('UPC-E expansion', () => {
  it('last data digit 5–9: the first five digits, four zeros, then that digit (01234565 ↔ 012345000065)', () => {
    expect(expandUpcE('01234565')).toBe('012345000065');
  });

  it('last data digit 0–2: two digits, that digit, four zeros, three digits', () => {
    expect(expandUpcE('01234505')).toBe('012000003455');
    expect(expandUpcE('04252614')).toBe('042100005264');
  });

  it('last data digit 3: three digits, five zeros, two digits', () => {
    expect(expandUpcE('01234531')).toBe('012300000451');
  });

  it('last data digit 4: four digits, five zeros, one digit', () => {
    expect(expandUpcE('01234543')).toBe('012340000053');
  });

  it('number system 1 expands like number system 0', () => {
    expect(expandUpcE('12345670')).toBe('123456000070');
  });

  it('is null when the check digit does not match the expansion, the number system is not 0/1, or it is not 8 digits', () => {
    expect(expandUpcE('01234566')).toBeNull();
    expect(expandUpcE('21234565')).toBeNull();
    expect(expandUpcE('1234565')).toBeNull();
    expect(expandUpcE('0123456X')).toBeNull();
  });
});
