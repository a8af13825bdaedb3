/** Store-day operations as staff see them: returns and refunds, the electronic journal, X and Z reports. */
import type { LocalizedText } from '../catalog/schema.js';
import type { VatLine } from '../pricing/types.js';

export type RefundMethod = 'card' | 'cash';

/** A paid sale looked up by its receipt's transaction code, with what may still be returned. */
export interface SaleForReturn {
  saleId: string;
  number: number;
  laneId: string;
  paidAt: string;
  total: number;
  currency: string;
  payment: { method: 'card' | 'cash'; brand: string | null; last4: string | null };
  lines: ReturnableLine[];
  /** Refunds made on this sale so far. */
  refunds: Array<{ refundId: string; number: number; amount: number; method: RefundMethod; at: string; state: RefundState }>;
}

export interface ReturnableLine {
  lineId: string;
  name: LocalizedText;
  /** Units bought (1 for a weighed or labelled item, which is returned whole). */
  quantity: number;
  weightGrams: number | null;
  /** What the customer paid for the whole line, after discounts. */
  paidPrice: number;
  /** Units returned before. */
  returned: number;
  /** Units that may still be returned. */
  returnable: number;
  /** The deposit (pant) charged per unit with it, refunded with it. */
  depositPerUnit: number;
}

/** What a return would refund: the sale re-priced without the returned units, never more than was paid for them. */
export interface RefundQuote {
  saleId: string;
  lines: Array<{ lineId: string; quantity: number }>;
  amount: number;
  /** Of which deposit. */
  deposit: number;
  currency: string;
}

export type RefundState = 'pending' | 'completed' | 'failed' | 'unknown';

export interface RefundResult {
  refundId: string;
  number: number;
  saleId: string;
  amount: number;
  method: RefundMethod;
  /** completed: the money is back (card reversed, or cash handed over); failed: the terminal refused; unknown: its answer was lost, check the terminal. */
  state: RefundState;
  reason: string | null;
}

/** Sums of one kind of money movement. */
export interface CountAmount {
  count: number;
  amount: number;
}

/** The terminal's totals beside ours for one lane, with any difference flagged. */
export interface TerminalComparison {
  laneId: string;
  ours: { payments: CountAmount; reversals: CountAmount };
  terminal: { payments: CountAmount; reversals: CountAmount } | null;
  /** Why the terminal's totals are missing (unreachable, no terminal). */
  error: string | null;
  /** Terminal minus ours (payments − reversals); 0 when they agree; null without the terminal's figures. */
  difference: number | null;
}

/** An X report (so far) or a Z report (closes the period), for one lane or the whole store. */
export interface DayReport {
  kind: 'X' | 'Z';
  /** Z reports are numbered per scope; X reports are not. */
  number: number | null;
  /** A lane, or null for the whole store. */
  laneId: string | null;
  /** The store's local day the period belongs to. */
  day: string;
  from: string | null;
  to: string;
  /** The journal records the report sums: every record after the previous Z of its scope. */
  journal: { firstSeq: number | null; lastSeq: number | null; records: number };
  sales: CountAmount & { byMethod: Record<'card' | 'cash', CountAmount>; byVat: VatLine[] };
  refunds: CountAmount & { byMethod: Record<RefundMethod, CountAmount> };
  voids: CountAmount;
  cancelled: CountAmount;
  overrides: CountAmount;
  deposits: { charged: number; vouchers: CountAmount };
  lanes: { opened: number; closed: number };
  /** Card money in minus card refunds out, and cash likewise: what the drawer and the bank should show. */
  net: Record<'card' | 'cash', number>;
  terminals: TerminalComparison[];
  createdAt: string;
  createdBy: string | null;
}

export interface ZReportSummary {
  id: string;
  number: number;
  laneId: string | null;
  day: string;
  createdAt: string;
  salesAmount: number;
  refundsAmount: number;
  differences: boolean;
}

/** The journal's chain checked end to end. */
export interface JournalVerification {
  ok: boolean;
  records: number;
  lastSeq: number | null;
  /** The first record that breaks the chain: its number and why (a gap, an edited record, a broken link). */
  broken: { seq: number; reason: string } | null;
}

export interface JournalRecord {
  seq: number;
  at: string;
  type: string;
  laneId: string | null;
  staffId: string | null;
  data: Record<string, unknown>;
  prevHash: string | null;
  hash: string | null;
}
