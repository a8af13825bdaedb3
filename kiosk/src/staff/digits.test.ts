// Typing on the staff keypads: limits per field, and a price that fills from the right like a till's.
import { describe, expect, it } from 'vitest';
import { PRICE_MAX_DIGITS, pressDigits, priceFromDigits } from './digits.js';

describe('staff keypad entry', () => {
  it('digits stop at the field\'s limit; back deletes one, clear all', () => {
    let pin = '';
    for (const d of ['4', '2', '4', '2', '1'] as const) pin = pressDigits(pin, d, 4);
    expect(pin).toBe('4242');
    expect(pressDigits(pin, 'back', 4)).toBe('424');
    expect(pressDigits(pin, 'clear', 4)).toBe('');
  });

  it('a price is typed in øre: 1250 is 12,50 kr., nothing typed is no price', () => {
    expect(priceFromDigits('1250')).toBe(1250);
    expect(priceFromDigits('0')).toBe(0);
    expect(priceFromDigits('0099')).toBe(99);
    expect(priceFromDigits('')).toBeNull();
    let p = '';
    for (let i = 0; i < 10; i++) p = pressDigits(p, '9', PRICE_MAX_DIGITS);
    expect(priceFromDigits(p)).toBe(9_999_999);
  });
});
