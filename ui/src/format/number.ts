// Display formatting of money, weights and VAT rates, at render time only.

const cache = new Map<string, Intl.NumberFormat>();
const formatter = (locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
  const id = `${locale}|${JSON.stringify(options)}`;
  let nf = cache.get(id);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, options);
    cache.set(id, nf);
  }
  return nf;
};

/**
 * Integer minor units (øre) as currency text, with the currency's own number of decimals. Intl gets
 * a decimal string ("39.75"), so not even the display goes through a float.
 */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const nf = formatter(locale, { style: 'currency', currency });
  const digits = nf.resolvedOptions().maximumFractionDigits ?? 2;
  return nf.format(toDecimal(minor, digits));
}

function toDecimal(minor: number, digits: number): `${number}` {
  const abs = String(Math.abs(Math.trunc(minor))).padStart(digits + 1, '0');
  const whole = abs.slice(0, abs.length - digits);
  const sign = minor < 0 ? '-' : '';
  return (digits > 0 ? `${sign}${whole}.${abs.slice(abs.length - digits)}` : `${sign}${whole}`) as `${number}`;
}

/** A discount shown as a negative amount, with a real minus sign. */
export const formatDiscount = (minor: number, currency: string, locale: string): string =>
  formatMoney(-Math.abs(minor), currency, locale);

/** Grams as kilograms with three decimals, the way scales and labels show them. */
export function formatWeight(grams: number, locale: string): string {
  const nf = formatter(locale, { style: 'unit', unit: 'kilogram', minimumFractionDigits: 3, maximumFractionDigits: 3 });
  return nf.format(grams / 1000);
}

/** A VAT rate in basis points (2500) as a percentage ("25 %"). */
export function formatRate(basisPoints: number, locale: string): string {
  return formatter(locale, { style: 'percent', maximumFractionDigits: 2 }).format(basisPoints / 10_000);
}
