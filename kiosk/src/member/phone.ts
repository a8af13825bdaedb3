// The phone number typed on the member keypad: digits only, kept within what the hub accepts (pure).

export const PHONE_MIN_DIGITS = 6;
export const PHONE_MAX_DIGITS = 15;

export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'back' | 'clear';

export function pressKey(draft: string, key: KeypadKey): string {
  if (key === 'back') return draft.slice(0, -1);
  if (key === 'clear') return '';
  return draft.length >= PHONE_MAX_DIGITS ? draft : draft + key;
}

/** A key of the physical keyboard as a keypad key, or null for any other key. */
export function keypadKeyOf(key: string): KeypadKey | null {
  if (/^[0-9]$/.test(key)) return key as KeypadKey;
  if (key === 'Backspace') return 'back';
  if (key === 'Delete') return 'clear';
  return null;
}

export const isPhone = (draft: string): boolean => draft.length >= PHONE_MIN_DIGITS && draft.length <= PHONE_MAX_DIGITS;

/** Grouped in pairs as Danes write numbers ("12 34 56 78"), easier to check at a glance. */
export const groupDigits = (draft: string): string => draft.replace(/(\d{2})(?=\d)/g, '$1 ');
