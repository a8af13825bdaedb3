/** The one guard between a card number and paper: only masked numbers are printed. */
import { ReceiptError } from './document.js';

/** Most digits a masked card number may show; PCI DSS allows the last four on a receipt. */
export const MAX_CLEAR_DIGITS = 4;

/** Returns the masked number unchanged, or throws when more than four digits are in clear. */
export function assertMaskedPan(maskedPan: string): string {
  const clear = (maskedPan.match(/\p{Nd}/gu) ?? []).length;
  if (clear > MAX_CLEAR_DIGITS) {
    // The number itself stays out of the message: messages end up in logs.
    throw new ReceiptError('card-number-unmasked', `a card number with ${clear} digits in clear must not be printed`);
  }
  return maskedPan;
}
