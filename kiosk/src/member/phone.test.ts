// Rules of the member keypad: digits up to the hub's limit, a back key, and a number shown in pairs.
import { describe, expect, it } from 'vitest';
import { groupDigits, isPhone, keypadKeyOf, pressKey } from './phone.js';

describe('member phone keypad', () => {
  it('digits add up, back removes the last one, clear empties', () => {
    const typed = ['1', '2', '3'].reduce((d, k) => pressKey(d, k as '1'), '');
    expect(typed).toBe('123');
    expect(pressKey(typed, 'back')).toBe('12');
    expect(pressKey('', 'back')).toBe('');
    expect(pressKey(typed, 'clear')).toBe('');
  });

  it('stops at 15 digits, and a number needs at least 6', () => {
    const long = '123456789012345';
    expect(pressKey(long, '6')).toBe(long);
    expect(isPhone('12345')).toBe(false);
    expect(isPhone('12345678')).toBe(true);
  });

  it('physical keys map to keypad keys; letters do not', () => {
    expect(keypadKeyOf('7')).toBe('7');
    expect(keypadKeyOf('Backspace')).toBe('back');
    expect(keypadKeyOf('a')).toBeNull();
    expect(keypadKeyOf('Enter')).toBeNull();
  });

  it('shows the number in pairs', () => {
    expect(groupDigits('12345678')).toBe('12 34 56 78');
    expect(groupDigits('123')).toBe('12 3');
  });
});
