// Display formatting: øre become the locale's currency text exactly, in Danish and English.
import { describe, expect, it } from 'vitest';
import { formatDiscount, formatMoney, formatRate, formatWeight } from './number.js';

// Intl puts a no-break space between number and currency; compare with plain spaces.
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('display formatting', () => {
  it('formats øre as Danish kroner', () => {
    expect(plain(formatMoney(3975, 'DKK', 'da-DK'))).toBe('39,75 kr.');
    expect(plain(formatMoney(123456, 'DKK', 'da-DK'))).toBe('1.234,56 kr.');
    expect(plain(formatMoney(5, 'DKK', 'da-DK'))).toBe('0,05 kr.');
    expect(plain(formatMoney(0, 'DKK', 'da-DK'))).toBe('0,00 kr.');
  });

  it('formats øre for an English reader', () => {
    expect(plain(formatMoney(3975, 'DKK', 'en-GB'))).toBe('DKK 39.75');
  });

  it('uses the currency own decimals (none for yen)', () => {
    expect(plain(formatMoney(500, 'JPY', 'en-GB'))).toBe('JP¥500');
  });

  it('shows a discount as a negative amount', () => {
    expect(plain(formatDiscount(1000, 'DKK', 'da-DK'))).toBe('-10,00 kr.');
  });

  it('shows weights in kg with three decimals and VAT rates from basis points', () => {
    expect(plain(formatWeight(532, 'da-DK'))).toBe('0,532 kg');
    expect(plain(formatRate(2500, 'da-DK'))).toBe('25 %');
  });
});
