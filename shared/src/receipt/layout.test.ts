import { describe, expect, it } from 'vitest';
import { layoutRow, wrapText } from './layout.js';
import { formatAmount, formatKilograms, formatRate } from './format.js';

describe('laying out rows', () => {
  it('pads a row to exactly the width with the value at the right edge', () => {
    expect(layoutRow('Mælk', '12,95', 20)).toEqual(['Mælk           12,95']);
  });

  it('wraps a long left text and keeps the value on the last line, one space clear of it', () => {
    const lines = layoutRow('aaaa bbbb cccc dddd', '1.234,50', 16);
    expect(lines).toEqual(['aaaa', 'bbbb', 'cccc', 'dddd    1.234,50']);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(16);
    expect(lines.at(-1)?.endsWith(' 1.234,50')).toBe(true);
  });

  it('breaks a word longer than the line instead of overflowing', () => {
    expect(wrapText('Blåbærgrødmedfløde', 8)).toEqual(['Blåbærgr', 'ødmedflø', 'de']);
  });
});

describe('receipt numbers', () => {
  it('formats øre exactly, with Danish or English separators', () => {
    expect(formatAmount(123450, 'DKK', 'da-DK')).toBe('1.234,50');
    expect(formatAmount(-5, 'DKK', 'da-DK')).toBe('-0,05');
    expect(formatAmount(900719925474099, 'DKK', 'da-DK')).toBe('9.007.199.254.740,99');
    expect(formatAmount(123450, 'EUR', 'en-GB')).toBe('1,234.50');
  });

  it('formats grams as kilograms and basis points as percent', () => {
    expect(formatKilograms(532, 'da-DK')).toBe('0,532');
    expect(formatKilograms(1500, 'en-GB')).toBe('1.500');
    expect(formatRate(2500, 'da-DK')).toBe('25 %');
    expect(formatRate(1250, 'da-DK')).toBe('12,5 %');
    expect(formatRate(0, 'en-GB')).toBe('0 %');
  });
});
