// The brand-neutral payment terminal interface the payments service talks to; drivers implement it.

export interface PaymentRequest {
  /** Our sale system id (nexo SaleID). */
  saleId: string;
  /** Our transaction id, also sent as the sale reference. */
  transactionId: string;
  /** New per request, at most 10 characters (nexo); the caller generates and journals it BEFORE sending. */
  serviceId: string;
  /** Integer minor units (øre). */
  amount: number;
  currency: string;
}

export interface StatusRequest {
  saleId: string;
  /** The ServiceID of this status request (new). */
  serviceId: string;
  /** The ServiceID of the payment whose outcome we ask for. */
  originalServiceId: string;
}

export interface AbortRequest {
  saleId: string;
  serviceId: string;
  originalServiceId: string;
}

/**
 * Gives money back to the card of an approved payment (a refund, nexo ReversedAmount). One payment may be
 * reversed several times in parts (one returned line today, another next week) as long as the parts add up
 * to no more than it authorised; each reversal has its own ServiceID.
 */
export interface ReversalRequest {
  saleId: string;
  serviceId: string;
  /** The original payment's POITransactionID and timestamp, as its PaymentResult gave them. */
  poiTransactionId: string;
  poiTimestamp: string;
  /** Integer minor units to give back: all or part of what is left of the payment. */
  amount: number;
  currency: string;
}

export interface TotalsRequest {
  saleId: string;
  /** New per request, at most 10 characters, as for a payment. */
  serviceId: string;
}

/**
 * What the terminal counted in the reconciliation period it has just closed; amounts in integer minor units.
 * - payments: approved debits;
 * - reversals: credits given back to cards (refunds, reversals);
 * - byBrand: the approved debits per card brand, for the groups the terminal names a brand for.
 */
export interface TerminalTotals {
  /** The terminal's id of the closed period (nexo POIReconciliationID). */
  poiReconciliationId: string | null;
  payments: { count: number; amount: number };
  reversals: { count: number; amount: number };
  byBrand: Array<{ brand: string; count: number; amount: number }>;
}

export interface PaymentResult {
  state: 'approved' | 'declined' | 'cancelled' | 'failed';
  /** The terminal's ErrorCondition and AdditionalResponse, readable; null when approved. */
  reason: string | null;
  /** Integer minor units the terminal authorised (or, for a reversal, gave back). */
  amount: number | null;
  brand: string | null;
  /** As the terminal gives it (e.g. '541333 **** 9999'); never a full PAN. */
  maskedPan: string | null;
  /** How the card was read, as the terminal says (Contactless, ICC, MagStripe, Keyed…). */
  entryMode: string | null;
  poiTransactionId: string | null;
  poiTimestamp: string | null;
  authCode: string | null;
}

export type StatusResult = PaymentResult | { state: 'in-progress' } | { state: 'not-found' };

export interface PaymentTerminal {
  pay(r: PaymentRequest): Promise<PaymentResult>;
  status(r: StatusRequest): Promise<StatusResult>;
  abort(r: AbortRequest): Promise<void>;
  /**
   * A refusal (unknown payment, more than is left) resolves with state 'failed' and the terminal's reason;
   * a TerminalError 'timeout' or 'protocol' means the reversal may or may not have been made.
   * The result's poiTransactionId/poiTimestamp are the reversal's own, its amount what was given back.
   */
  reverse(r: ReversalRequest): Promise<PaymentResult>;
  /**
   * Closes the terminal's reconciliation period (nexo SaleReconciliation) and returns its totals; the next
   * call counts from zero. Any answer but the totals is a TerminalError: 'busy' when the terminal is serving
   * a payment (the period stays open), 'timeout' or 'protocol' when the period may have been closed without
   * us getting its totals, 'protocol' too when the terminal refused (the message says why).
   */
  totals(r: TotalsRequest): Promise<TerminalTotals>;
}

export type TerminalErrorReason = 'unreachable' | 'timeout' | 'busy' | 'protocol';

/**
 * A call whose answer we did not get or could not trust.
 * - 'timeout', 'protocol': the outcome is UNKNOWN; the caller must ask `status` with the original ServiceID.
 * - 'unreachable': no connection was made, so the terminal never saw the request; asking `status` is still safe.
 * - 'busy': the terminal answered that it is serving another request and did NOT start this one;
 *   retry later with a new ServiceID.
 */
export class TerminalError extends Error {
  override readonly name = 'TerminalError';
  constructor(
    readonly reason: TerminalErrorReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** True when the terminal certainly did not start the request. */
  get notStarted(): boolean {
    return this.reason === 'busy' || this.reason === 'unreachable';
  }
}
