// Typing a pairing code: on the keypad or the keyboard, digits only and never more than six.
import { describe, expect, it } from 'vitest';
import { codeFromInput, pressCodeKey } from './pairTexts.js';

describe('pairing code entry', () => {
  it('digits add up to six and stop there; back deletes one, clear all', () => {
    let code = '';
    for (const d of ['1', '2', '3', '4', '5', '6', '7'] as const) code = pressCodeKey(code, d);
    expect(code).toBe('123456');
    expect(pressCodeKey(code, 'back')).toBe('12345');
    expect(pressCodeKey(code, 'clear')).toBe('');
    expect(pressCodeKey('', 'back')).toBe('');
  });

  it('a typed or pasted code keeps its digits only', () => {
    expect(codeFromInput('123 456')).toBe('123456');
    expect(codeFromInput(' 12-34-56-78 ')).toBe('123456');
    expect(codeFromInput('abc')).toBe('');
  });
});
