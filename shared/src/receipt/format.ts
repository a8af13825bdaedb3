/** Receipt numbers from integers: amounts from minor units, weights from grams, rates from basis points, times. */
import { currencyFractionDigits } from '../money/index.js';

export type ReceiptLocale = 'da-DK' | 'en-GB';

interface Separators {
  group: string;
  decimal: string;
}

const SEPARATORS: Record<ReceiptLocale, Separators> = {
  'da-DK': { group: '.', decimal: ',' },
  'en-GB': { group: ',', decimal: '.' },
};

/**
 * 123450 øre → "1.234,50" (da-DK) or "1,234.50" (en-GB). Built from the integer's digits, so no float
 * and no locale data decides what is printed.
 */
export function formatAmount(minor: number, currency: string, locale: ReceiptLocale): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`amount must be a safe integer, got ${minor}`);
  return decimal(minor, currencyFractionDigits(currency), locale, true);
}

/** 532 g → "0,532" kg. */
export function formatKilograms(grams: number, locale: ReceiptLocale): string {
  return decimal(grams, 3, locale, false);
}

/** 2500 bp → "25 %", 1250 → "12,5 %". */
export function formatRate(basisPoints: number, locale: ReceiptLocale): string {
  const whole = Math.trunc(basisPoints / 100);
  const fraction = String(Math.abs(basisPoints % 100)).padStart(2, '0').replace(/0+$/, '');
  return fraction === '' ? `${whole} %` : `${whole}${SEPARATORS[locale].decimal}${fraction} %`;
}

/** The symbol printed after a unit price: "kr." for DKK, "€" for EUR, else the ISO code. */
export function currencySymbol(currency: string): string {
  const symbols: Record<string, string> = { DKK: 'kr.', EUR: '€', SEK: 'kr', NOK: 'kr', GBP: '£' };
  return symbols[currency] ?? currency;
}

/** An ISO instant as "05.03.2025 14:32" (da-DK) or "05/03/2025 14:32" (en-GB) on the store's clock. */
export function formatDateTime(iso: string, timeZone: string, locale: ReceiptLocale): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not an ISO time: ${iso}`);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const sep = locale === 'da-DK' ? '.' : '/';
  return `${part('day')}${sep}${part('month')}${sep}${part('year')} ${part('hour')}:${part('minute')}`;
}

function decimal(value: number, digits: number, locale: ReceiptLocale, group: boolean): string {
  const { group: groupMark, decimal: mark } = SEPARATORS[locale];
  const sign = value < 0 ? '-' : '';
  const abs = String(Math.abs(value)).padStart(digits + 1, '0');
  const whole = abs.slice(0, abs.length - digits);
  const fraction = abs.slice(abs.length - digits);
  const grouped = group ? whole.replace(/\B(?=(\d{3})+$)/g, groupMark) : whole;
  return digits > 0 ? `${sign}${grouped}${mark}${fraction}` : `${sign}${grouped}`;
}
