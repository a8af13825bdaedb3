// What the simulated terminal does with a payment, a transaction status and an abort, and the state it keeps.
import { randomBytes } from 'node:crypto';
import { failure, paymentResponse, simulatedBrand, type Json, type SimReversal, type SimTransaction } from './responses.js';

/** What the next payment does. 'unreachable' is immediate: the server stops listening until `reopen()`. */
export type SimOutcome =
  | 'approve' | 'decline' | 'customer-cancel' | 'busy' | 'lost-response' | 'in-progress' | 'unreachable'
  | { slow: number };

/** What the next reversal does: 'lost-response' makes it and drops the answer; 'busy' refuses to start it. */
export type SimReversalOutcome = 'lost-response' | 'busy';

/** One request and the ways to answer it. */
export interface Exchange {
  request: Json;
  respond(body: Json): void;
  /** Destroys the socket without answering. */
  drop(): void;
}

/** A payment the terminal is still working on, with the connection that waits for its answer. */
export interface Held {
  tx: SimTransaction;
  exchange: Exchange;
  cancel(): void;
}

export interface SimState {
  poiId: string;
  queue: SimOutcome[];
  fallback: SimOutcome;
  transactions: SimTransaction[];
  held: Set<Held>;
  approvals: number;
  reversals: SimReversal[];
  reversalQueue: SimReversalOutcome[];
  /** The open reconciliation period; a SaleReconciliation closes it and opens the next. */
  reconciliationId: number;
}

// Inbound nexo JSON is read loosely: a missing field reads as undefined and ends as NotFound or NaN.
export type Dict = Record<string, any>;

let sequence = 0;
export function newPoiTransactionId(): string {
  sequence += 1;
  return `SIM${String(sequence).padStart(6, '0')}.${randomBytes(8).toString('hex').toUpperCase()}`;
}

function finish(state: SimState, tx: SimTransaction, ended: SimTransaction['state'], header: Json): Json {
  if (ended === 'approved') {
    tx.brand = simulatedBrand(state.approvals);
    tx.poiReconciliationId = String(state.reconciliationId);
  }
  tx.state = ended;
  const body = paymentResponse(tx, state.poiId, state.approvals);
  if (ended === 'approved') state.approvals += 1;
  tx.response = { MessageHeader: { ...header, MessageClass: 'Service', MessageType: 'Response' }, PaymentResponse: body };
  return { PaymentResponse: body };
}

export function handlePayment(state: SimState, exchange: Exchange): void {
  const request = exchange.request as Dict;
  const header = request.MessageHeader as Dict;
  const payment = request.PaymentRequest as Dict;
  const outcome = state.queue.shift() ?? state.fallback;
  const saleTransaction = payment.SaleData?.SaleTransactionID ?? {};
  if (outcome === 'busy' || state.held.size > 0) {
    exchange.respond({ PaymentResponse: { Response: failure('Busy', 'Terminal busy'), SaleData: { SaleTransactionID: saleTransaction } } });
    return;
  }
  const tx: SimTransaction = {
    saleId: String(header.SaleID), serviceId: String(header.ServiceID),
    transactionId: String(saleTransaction.TransactionID),
    amount: Number(payment.PaymentTransaction?.AmountsReq?.RequestedAmount),
    currency: String(payment.PaymentTransaction?.AmountsReq?.Currency),
    state: 'in-progress', poiTransactionId: newPoiTransactionId(), poiTimestamp: new Date().toISOString(),
    brand: null, poiReconciliationId: null, reversedAmount: 0, reversed: false, response: null,
  };
  state.transactions.push(tx);
  if (outcome === 'approve') exchange.respond(finish(state, tx, 'approved', header));
  else if (outcome === 'decline') exchange.respond(finish(state, tx, 'declined', header));
  else if (outcome === 'customer-cancel') exchange.respond(finish(state, tx, 'cancelled', header));
  else if (outcome === 'lost-response') {
    finish(state, tx, 'approved', header);
    exchange.drop();
  } else {
    const timer = typeof outcome === 'object'
      ? setTimeout(() => { state.held.delete(held); exchange.respond(finish(state, tx, 'approved', header)); }, outcome.slow)
      : undefined;
    const held: Held = { tx, exchange, cancel: () => { clearTimeout(timer); exchange.drop(); } };
    state.held.add(held);
  }
}

export function handleStatus(state: SimState, exchange: Exchange): void {
  const reference = (exchange.request as Dict).TransactionStatusRequest?.MessageReference as Dict | undefined;
  const tx = state.transactions.findLast((t) => t.serviceId === reference?.ServiceID && t.saleId === reference?.SaleID);
  const answer = (Response: Json, extra: Json = {}): void =>
    exchange.respond({ TransactionStatusResponse: { Response, MessageReference: reference, ...extra } });
  if (!tx) answer(failure('NotFound', 'Transaction not found'));
  else if (!tx.response) answer(failure('InProgress', 'Transaction in progress'));
  else {
    const { MessageHeader, ...body } = tx.response;
    answer({ Result: 'Success' }, { RepeatedMessageResponse: { MessageHeader, RepeatedResponseMessageBody: body } });
  }
}

export function handleAbort(state: SimState, exchange: Exchange): void {
  const reference = (exchange.request as Dict).AbortRequest?.MessageReference as Dict | undefined;
  for (const held of state.held) {
    if (held.tx.serviceId !== reference?.ServiceID || held.tx.saleId !== reference?.SaleID) continue;
    held.cancel = () => undefined;
    state.held.delete(held);
    const original = (held.exchange.request as Dict).MessageHeader as Json;
    held.exchange.respond(finish(state, held.tx, 'aborted', original));
  }
}

/** A payment approved at the terminal that no sale system asked for (keyed in while the hub was down, say). */
export function offlinePayment(state: SimState, amount: number, currency: string): SimTransaction {
  const serviceId = `OFF${state.transactions.length}`;
  const tx: SimTransaction = {
    saleId: 'offline', serviceId, transactionId: `offline-${serviceId}`, amount, currency,
    state: 'in-progress', poiTransactionId: newPoiTransactionId(), poiTimestamp: new Date().toISOString(),
    brand: null, poiReconciliationId: null, reversedAmount: 0, reversed: false, response: null,
  };
  state.transactions.push(tx);
  finish(state, tx, 'approved', { ProtocolVersion: '3.0', MessageCategory: 'Payment', SaleID: 'offline', ServiceID: serviceId, POIID: state.poiId });
  return tx;
}
