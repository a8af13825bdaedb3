/** Order numbers: short and readable, per day, never two open orders with the same number. */

export interface OrderNumberRange {
  from: number;
  to: number;
}

export const DEFAULT_ORDER_NUMBERS: OrderNumberRange = { from: 1, to: 999 };

/**
 * The number after `last` (or the range's first on a new day, `last` null), wrapping round at the
 * end and skipping numbers still open. Null when every number is open.
 */
export function nextOrderNumber(last: number | null, open: ReadonlySet<number>, range: OrderNumberRange = DEFAULT_ORDER_NUMBERS): number | null {
  const size = range.to - range.from + 1;
  const start = last === null || last < range.from || last > range.to ? range.from : last + 1;
  for (let i = 0; i < size; i++) {
    const n = range.from + ((start - range.from + i) % size);
    if (!open.has(n)) return n;
  }
  return null;
}
