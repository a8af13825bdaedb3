/**
 * Deposit-return vouchers at the lanes: each voucher is taken once across every lane of the store.
 * The table keeps every voucher ever taken; memory keeps only those taken since start (and the ones
 * visits still hold), so two lanes scanning the same voucher at once cannot both take it, while years
 * of redeemed vouchers are looked up (`usedBefore`) rather than loaded.
 */
import { DomainError } from '@selfserve/shared';
import type { Param, Statement, Tx } from '../../storage/db.js';
import { lanesRepository as repo } from '../../storage/lanes.repository.js';
import type { Draft } from './lane-book.js';

const sql = (text: string, ...params: Param[]): Statement => ({ sql: text, params });

export class DepositVouchers {
  private readonly used = new Set<string>();

  async load(tx: Tx): Promise<void> {
    for (const { code } of await tx.all<{ code: string }>("SELECT code FROM deposit_vouchers WHERE status = 'held'")) this.used.add(code);
  }

  /** Whether the table already has the voucher (redeemed before this run, or held). */
  async usedBefore(tx: Tx, code: string): Promise<boolean> {
    return (await tx.get('SELECT 1 AS used FROM deposit_vouchers WHERE code = ?', [code])) !== undefined;
  }

  /** The voucher joins the visit, deducted from its total; it may not take the basket below zero. */
  take(d: Draft, voucher: { code: string; amount: number }, usedBefore: boolean): void {
    if (usedBefore || this.used.has(voucher.code)) throw new DomainError('duplicate', 'this deposit voucher has already been used', { kind: 'voucher' });
    const total = d.snapshot.visitId === d.visit?.id ? d.snapshot.totals.total : 0;
    if (voucher.amount > total) {
      throw new DomainError('not-allowed', `the voucher (${(voucher.amount / 100).toFixed(2)}) is worth more than the basket: scan your items first, or ask staff to pay it out`, { kind: 'voucher' });
    }
    this.used.add(voucher.code);
    const visit = d.visit!;
    d.visit = { ...visit, vouchers: [...(visit.vouchers ?? []), voucher] };
    d.writes.push(
      sql("INSERT INTO deposit_vouchers (code, amount, lane_id, visit_id, status, at) VALUES (?, ?, ?, ?, 'held', ?)", voucher.code, voucher.amount, d.lane.id, visit.id, d.now),
      repo.updateVisit(d.visit),
    );
  }

  /** The shopper takes one voucher back (its line `V<n>`): it may be used again. */
  drop(d: Draft, lineId: string): boolean {
    const index = Number(/^V(\d+)$/.exec(lineId)?.[1] ?? 0) - 1;
    const voucher = d.visit?.vouchers?.[index];
    if (!voucher || !d.visit) return false;
    this.used.delete(voucher.code);
    d.visit = { ...d.visit, vouchers: d.visit.vouchers!.filter((_, i) => i !== index) };
    d.writes.push(sql("DELETE FROM deposit_vouchers WHERE code = ? AND status = 'held'", voucher.code), repo.updateVisit(d.visit));
    return true;
  }

  /** A cancelled visit gives its vouchers back. */
  release(d: Draft): void {
    const vouchers = d.visit?.vouchers ?? [];
    if (vouchers.length === 0) return;
    for (const v of vouchers) this.used.delete(v.code);
    d.writes.push(sql("DELETE FROM deposit_vouchers WHERE visit_id = ? AND status = 'held'", d.visit!.id));
  }

  /** A paid sale keeps them for good. */
  redeem(d: Draft): void {
    if (d.visit?.vouchers?.length) d.writes.push(sql("UPDATE deposit_vouchers SET status = 'redeemed' WHERE visit_id = ?", d.visit.id));
  }
}
