// A price typed by staff ("12,50", "12.50", "12") read as integer minor units, without going through a float.

/** Minor units, or null when the text is not a non-negative amount with at most `digits` decimals. */
export function parseMoneyInput(text: string, digits = 2): number | null {
  const m = /^(\d{1,9})(?:[.,](\d*))?$/.exec(text.trim().replace(/\s/g, ''));
  if (!m) return null;
  const whole = m[1] ?? '0';
  const fraction = m[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** Minor units as the text the price field starts with ("12,50" in Danish, "12.50" in English). */
export function formatMoneyInput(minor: number, decimalSeparator: string, digits = 2): string {
  if (digits === 0) return String(minor);
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  return `${abs.slice(0, -digits)}${decimalSeparator}${abs.slice(-digits)}`;
}

/** How many decimals a currency's amounts have (DKK 2, JPY 0), as Intl knows it. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}
