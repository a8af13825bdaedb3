/**
 * A deposit-return voucher from the store's reverse vending machine: an EAN-13 that starts with the
 * store's voucher prefix and carries the amount in øre in the digits before the check digit
 * (e.g. prefix 98, 5 amount digits: 98 ·12345· 00450 ·C → voucher 9812345004507 worth 4,50 kr).
 */
import { hasValidCheckDigit } from './check-digit.js';

export interface VoucherFormat {
  prefix: string;
  amountDigits: number;
}

export type VoucherParse = { ok: true; code: string; amount: number } | { ok: false; reason: 'not-a-voucher' | 'bad-check-digit' | 'zero-amount' };

export function parseDepositVoucher(raw: string, format: VoucherFormat): VoucherParse {
  const code = raw.trim();
  if (!/^\d{13}$/.test(code) || !code.startsWith(format.prefix)) return { ok: false, reason: 'not-a-voucher' };
  if (!hasValidCheckDigit(code)) return { ok: false, reason: 'bad-check-digit' };
  const amount = Number(code.slice(12 - format.amountDigits, 12));
  return amount > 0 ? { ok: true, code, amount } : { ok: false, reason: 'zero-amount' };
}
