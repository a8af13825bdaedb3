// Staff type a new line price in their own notation; it becomes whole minor units or nothing.
import { describe, expect, it } from 'vitest';
import { formatMoneyInput, parseMoneyInput } from './money-input.js';

describe('a typed price', () => {
  it('reads a Danish or English decimal separator and whole numbers', () => {
    expect(parseMoneyInput('12,50')).toBe(1250);
    expect(parseMoneyInput(' 12.5 ')).toBe(1250);
    expect(parseMoneyInput('12')).toBe(1200);
    expect(parseMoneyInput('0,05')).toBe(5);
    expect(parseMoneyInput('1 299,95')).toBe(129995);
  });

  it('refuses more decimals than the currency has, negatives and words', () => {
    expect(parseMoneyInput('12,505')).toBeNull();
    expect(parseMoneyInput('-3')).toBeNull();
    expect(parseMoneyInput('ti kroner')).toBeNull();
    expect(parseMoneyInput('')).toBeNull();
  });

  it('starts the field from the line\'s price', () => {
    expect(formatMoneyInput(1250, ',')).toBe('12,50');
    expect(formatMoneyInput(5, '.')).toBe('0.05');
    expect(formatMoneyInput(7, ',', 0)).toBe('7');
  });
});
