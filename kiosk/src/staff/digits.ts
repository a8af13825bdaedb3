// Digits typed on the staff keypads: a PIN, a staff number, a price in minor units (pure).
import type { KeypadKey } from '../member/phone.js';

/** One keypad key applied to the digits typed so far, never beyond `max` digits. */
export function pressDigits(draft: string, key: KeypadKey, max: number): string {
  if (key === 'back') return draft.slice(0, -1);
  if (key === 'clear') return '';
  return draft.length >= max ? draft : draft + key;
}

/** The longest PIN and staff number the hub takes (a PIN may be up to 32 characters; ours are digits). */
export const PIN_MAX_DIGITS = 12;
export const STAFF_NUMBER_MAX_DIGITS = 12;
/** A price typed as on a till: the digits fill from the right, "1250" is 12,50; seven digits reach 99.999,99. */
export const PRICE_MAX_DIGITS = 7;

/** The price the digits stand for, in minor units; an empty entry is no price. */
export const priceFromDigits = (digits: string): number | null => (digits === '' ? null : Number(digits));
