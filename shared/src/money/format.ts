/** Showing and reading money for people: Intl formatting and a simple decimal parser. */
import { assertSafeInteger } from './rounding.js';

const formatters = new Map<string, Intl.NumberFormat>();

/** Minor-unit digits of a currency per CLDR: 2 for DKK and EUR, 0 for JPY and ISK. */
export function currencyFractionDigits(currency: string): number {
  return formatter('en', currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Formats minor units for a locale: formatMoney(3975, 'DKK', 'da-DK') → "39,75 kr.". The amount is
 * handed to Intl as a decimal string, so no float ever stands in for the money.
 */
export function formatMoney(minor: number, currency: string, locale: string): string {
  assertSafeInteger(minor, 'amount');
  const digits = currencyFractionDigits(currency);
  return formatter(locale, currency).format(toDecimalString(minor, digits));
}

/**
 * Reads "39,75", "39.75", "39,5", "39" or "-2,00" into minor units; null for anything else,
 * including thousands separators (is "1.234" 1234 kr or 1,234 kr?).
 */
export function parseMoney(text: string, fractionDigits = 2): number | null {
  const match = /^(-?)(\d{1,13})(?:[.,](\d+))?$/.exec(text.trim());
  if (!match) return null;
  const [, sign = '', whole = '0', fraction = ''] = match;
  if (fraction.length > fractionDigits) return null;
  const minor = Number(whole + fraction.padEnd(fractionDigits, '0'));
  if (!Number.isSafeInteger(minor)) return null;
  return sign === '-' && minor !== 0 ? -minor : minor;
}

function toDecimalString(minor: number, digits: number): `${number}` {
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  const whole = abs.slice(0, abs.length - digits);
  const fraction = abs.slice(abs.length - digits);
  return (digits > 0 ? `${sign}${whole}.${fraction}` : `${sign}${whole}`) as `${number}`;
}

function formatter(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let nf = formatters.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, nf);
  }
  return nf;
}
