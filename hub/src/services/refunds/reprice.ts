/**
 * What a return gives back: the sale re-priced as if the customer had bought only what they keep
 * (the sale's own promotions, member prices and coupons, at the time of the sale), so a broken
 * multi-buy is paid for; never more than was paid for the lines returned from, nor than is left of the
 * sale's total, never below nothing.
 */
import { priceBasket, withDeposits, type DepositRules, type LaneSnapshot, type Member, type Product, type Promotion } from '@selfserve/shared';
import type { LineRow } from '../../storage/lanes.repository.js';

export interface RepriceInput {
  basket: LaneSnapshot;
  /** The sale's lines as scanned (their products), by line id. */
  rows: ReadonlyMap<string, LineRow>;
  promotions: readonly Promotion[];
  member: Member | null;
  paidAt: string;
  deposits: DepositRules;
  /** Units returned by earlier refunds, and the money they gave back. */
  returnedBefore: ReadonlyMap<string, number>;
  refundedBefore: number;
  returning: ReadonlyMap<string, number>;
}

/** A line's units: counted items by quantity; a weighed or labelled line is one unit, returned whole. */
export const unitsOf = (l: { quantity: number; unit: 'each' | 'kg'; weightGrams?: number }, row: LineRow | undefined) =>
  l.unit === 'kg' || row?.labelPrice != null || row?.priceOverride != null ? 1 : l.quantity;

export function refundFor(i: RepriceInput): { amount: number; deposit: number } {
  const goods = i.basket.lines.filter((l) => !l.depositFor && !l.voucher);
  const depositOf = new Map(i.basket.lines.filter((l) => l.depositFor).map((l) => [l.depositFor!, l]));
  const paid = i.basket.lines.filter((l) => !l.voucher).reduce((s, l) => s + l.paidPrice, 0);
  let cap = 0;
  let deposit = 0;
  for (const l of goods) {
    const q = i.returning.get(l.lineId) ?? 0;
    if (q === 0) continue;
    const units = unitsOf(l, i.rows.get(l.lineId));
    // At most what was paid for the line: returning one of four colas bought 3-for-2 gives back a full
    // price (the three kept cost what was paid), more than a quarter of the line.
    cap += l.paidPrice;
    const d = depositOf.get(l.lineId);
    if (d) deposit += Math.round((d.paidPrice * q) / units);
  }
  cap += deposit;
  const kept = keptTotal(i, goods);
  const amount = Math.max(0, Math.min(cap, paid - i.refundedBefore - kept));
  return { amount, deposit: Math.min(deposit, amount) };
}

function keptTotal(i: RepriceInput, goods: LaneSnapshot['lines']): number {
  const products = new Map<string, Product>();
  const lines = [];
  for (const l of goods) {
    const row = i.rows.get(l.lineId);
    if (!row) continue;
    const units = unitsOf(l, row);
    const keep = units - (i.returnedBefore.get(l.lineId) ?? 0) - (i.returning.get(l.lineId) ?? 0);
    if (keep <= 0) continue;
    products.set(row.product.id, row.product);
    const label = row.priceOverride ?? row.labelPrice;
    lines.push({
      lineId: l.lineId,
      productId: row.product.id,
      quantity: units === 1 ? row.quantity : keep,
      ...(row.weightGrams !== null ? { weightGrams: row.weightGrams } : {}),
      ...(label !== null ? { labelPrice: label } : {}),
    });
  }
  if (lines.length === 0) return 0;
  const priced = priceBasket({ lines, products, promotions: [...i.promotions], member: i.member, coupons: i.basket.coupons, now: i.paidAt, currency: i.basket.totals.currency });
  const byLine = new Map(lines.map((l) => [l.lineId, products.get(l.productId)]));
  return withDeposits(priced.lines, priced.totals, (l) => byLine.get(l.lineId), i.deposits, [], (l) => l).totals.total;
}
