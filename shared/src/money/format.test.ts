import { describe, expect, it } from 'vitest';
import { currencyFractionDigits, formatMoney, parseMoney } from './format.js';

/** Intl uses no-break spaces; compare with plain ones. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatting money for a locale', () => {
  it('formats Danish kroner the Danish way', () => {
    expect(plain(formatMoney(3975, 'DKK', 'da-DK'))).toBe('39,75 kr.');
    expect(plain(formatMoney(123456789, 'DKK', 'da-DK'))).toBe('1.234.567,89 kr.');
    expect(plain(formatMoney(-5, 'DKK', 'da-DK'))).toBe('-0,05 kr.');
  });

  it('formats other locales and currencies', () => {
    expect(formatMoney(3975, 'EUR', 'en-IE')).toBe('€39.75');
    expect(formatMoney(500, 'JPY', 'ja-JP')).toBe('￥500');
    expect(currencyFractionDigits('DKK')).toBe(2);
    expect(currencyFractionDigits('JPY')).toBe(0);
  });
});

describe('parsing money typed by a person', () => {
  it('reads comma or point decimals into minor units', () => {
    expect(parseMoney('39,75')).toBe(3975);
    expect(parseMoney('39.5')).toBe(3950);
    expect(parseMoney(' 39 ')).toBe(3900);
    expect(parseMoney('-2,00')).toBe(-200);
    expect(parseMoney('500', 0)).toBe(500);
  });

  it('refuses what it cannot read without guessing', () => {
    expect(parseMoney('39,755')).toBeNull();
    expect(parseMoney('1.234,50')).toBeNull();
    expect(parseMoney('kr 10')).toBeNull();
    expect(parseMoney('')).toBeNull();
  });
});
