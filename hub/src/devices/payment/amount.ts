// Exact conversion between integer minor units (øre) and the decimal major units the nexo API carries.

const exponents = new Map<string, number>();

/** Digits after the decimal point for a currency (DKK 2, JPY 0, KWD 3), from the ICU tables. */
export function currencyExponent(currency: string): number {
  const known = exponents.get(currency);
  if (known !== undefined) return known;
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits;
  if (digits === undefined) throw new RangeError(`no exponent known for currency ${currency}`);
  exponents.set(currency, digits);
  return digits;
}

/** 1099 → 10.99: built from the integer parts as a decimal string, then checked to round-trip. */
export function minorToMajor(minor: number, currency: string): number {
  if (!Number.isSafeInteger(minor) || minor < 0) {
    throw new RangeError(`amount must be a non-negative integer of minor units, got ${minor}`);
  }
  const exponent = currencyExponent(currency);
  const unit = 10 ** exponent;
  const whole = Math.trunc(minor / unit);
  const fraction = String(minor % unit).padStart(exponent, '0');
  const major = Number(exponent === 0 ? `${whole}` : `${whole}.${fraction}`);
  if (majorToMinor(major, currency) !== minor) {
    throw new RangeError(`amount ${minor} does not survive conversion to major units`);
  }
  return major;
}

/** 10.99 → 1099: read from the number's shortest decimal form, never by multiplying floats. */
export function majorToMinor(major: number, currency: string): number {
  if (!Number.isFinite(major) || major < 0) throw new RangeError(`bad major amount ${major}`);
  const exponent = currencyExponent(currency);
  const text = String(major);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`amount ${text} is not a plain decimal`);
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) {
    throw new RangeError(`amount ${text} has more than ${exponent} decimals for ${currency}`);
  }
  const minor = Number(`${match[1] ?? '0'}${fraction.padEnd(exponent, '0')}`);
  if (!Number.isSafeInteger(minor)) throw new RangeError(`amount ${text} is too large`);
  return minor;
}
