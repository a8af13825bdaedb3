// What staff pick to return from a sale, bounded by what may still be returned, and how it may be refunded: the same at the
// station's Returns tab and at a lane's staff menu.
import type { RefundMethod, ReturnableLine, SaleForReturn } from '@selfserve/shared';

/** Units picked per line id; a line not listed is not returned. */
export type Picks = Readonly<Record<string, number>>;

/** A line of one unit (a weighed or labelled item among them) is returned whole: a tick, not a stepper. */
export const returnsWhole = (line: ReturnableLine): boolean => line.quantity === 1 || line.weightGrams !== null;

/** The picks with this line set to `quantity`, kept within 0 … what may still be returned. */
export function setPick(picks: Picks, line: ReturnableLine, quantity: number): Picks {
  const n = Math.max(0, Math.min(line.returnable, Math.trunc(Number.isFinite(quantity) ? quantity : 0)));
  const { [line.lineId]: _, ...rest } = picks;
  return n > 0 ? { ...rest, [line.lineId]: n } : rest;
}

/** Every unit still returnable. */
export const pickAll = (sale: SaleForReturn): Picks =>
  Object.fromEntries(sale.lines.filter((l) => l.returnable > 0).map((l) => [l.lineId, l.returnable]));

/** The picks as the hub takes them, in the receipt's order, each within its bound. */
export function pickedLines(sale: SaleForReturn, picks: Picks): Array<{ lineId: string; quantity: number }> {
  return sale.lines.flatMap((l) => {
    const n = Math.min(picks[l.lineId] ?? 0, l.returnable);
    return n > 0 ? [{ lineId: l.lineId, quantity: n }] : [];
  });
}

export const anyReturnable = (sale: SaleForReturn): boolean => sale.lines.some((l) => l.returnable > 0);

/** Back to the card only when the sale was paid by card (the terminal reverses that payment); cash always. */
export const refundMethods = (sale: SaleForReturn): RefundMethod[] => (sale.payment.method === 'card' ? ['card', 'cash'] : ['cash']);

/** The same picks, so a quote that comes back late for older picks is not shown. */
export const samePicks = (a: ReadonlyArray<{ lineId: string; quantity: number }>, b: ReadonlyArray<{ lineId: string; quantity: number }>): boolean =>
  a.length === b.length && a.every((l, i) => l.lineId === b[i]?.lineId && l.quantity === b[i]?.quantity);
