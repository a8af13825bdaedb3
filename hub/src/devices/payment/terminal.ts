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

export interface ReversalRequest {
  saleId: string;
  serviceId: string;
  poiTransactionId: string;
  poiTimestamp: string;
  /** Integer minor units. */
  amount: number;
  currency: string;
}

export interface PaymentResult {
  state: 'approved' | 'declined' | 'cancelled' | 'failed';
  /** The terminal's ErrorCondition and AdditionalResponse, readable; null when approved. */
  reason: string | null;
  /** Integer minor units the terminal authorised (or reversed). */
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
  reverse(r: ReversalRequest): Promise<PaymentResult>;
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
