// What the simulated terminal does with a ReversalRequest: gives back all or part of what is left of a payment.
import { currencyExponent, majorToMinor, minorToMajor } from '../amount.js';
import { newPoiTransactionId, type Dict, type Exchange, type SimState } from './handlers.js';
import { failure, type Json, type SimTransaction } from './responses.js';

/** Minor units of a wire amount, or null when it is not an exact, non-negative amount in that currency. */
function minorOf(major: unknown, currency: string): number | null {
  if (typeof major !== 'number') return null;
  try {
    return majorToMinor(major, currency);
  } catch {
    return null;
  }
}

const show = (minor: number, currency: string): string =>
  `${minorToMajor(minor, currency).toFixed(currencyExponent(currency))} ${currency}`;

/** The minor units to give back, or the terminal's refusal. Without ReversedAmount, all that is left. */
interface Accepted { tx: SimTransaction; minor: number; paid: number; done: number }

function decide(tx: SimTransaction | undefined, requested: unknown): Accepted | { refusal: Json } {
  if (!tx) return { refusal: failure('NotFound', 'Original transaction not found') };
  if (tx.state !== 'approved') return { refusal: failure('NotAllowed', `Not reversible: the original payment ended ${tx.state}`) };
  const paid = minorOf(tx.amount, tx.currency);
  if (paid === null) return { refusal: failure('NotAllowed', `Not reversible: the payment's amount ${tx.amount} ${tx.currency} is unreadable`) };
  const done = minorOf(tx.reversedAmount, tx.currency) ?? 0;
  const left = paid - done;
  if (left <= 0) return { refusal: failure('NotAllowed', 'Already reversed in full') };
  const minor = requested === undefined ? left : minorOf(requested, tx.currency);
  if (minor === null || minor === 0) {
    return { refusal: failure('NotAllowed', `Reversed amount ${String(requested)} is not a positive amount in ${tx.currency}`) };
  }
  if (minor > left) {
    const c = tx.currency;
    return {
      refusal: failure('NotAllowed', `Reversal of ${show(minor, c)} exceeds what is left: ${show(paid, c)} authorised, ${show(done, c)} already reversed, ${show(left, c)} left`),
    };
  }
  return { tx, minor, paid, done };
}

export function handleReversal(state: SimState, exchange: Exchange): void {
  const request = exchange.request as Dict;
  const header = request.MessageHeader as Dict;
  const reversal = request.ReversalRequest as Dict;
  const original = reversal.OriginalPOITransaction as Dict | undefined;
  const answer = (Response: Json, extra: Json = {}): void =>
    exchange.respond({ ReversalResponse: { Response, OriginalPOITransaction: original, ...extra } });
  const scripted = state.reversalQueue.shift();
  if (scripted === 'busy' || state.held.size > 0) {
    answer(failure('Busy', 'Terminal busy'));
    return;
  }
  const tx = state.transactions.find((t) => t.poiTransactionId === original?.POITransactionID?.TransactionID);
  const decision = decide(tx, reversal.ReversedAmount);
  if ('refusal' in decision) {
    answer(decision.refusal);
    return;
  }
  const { tx: payment, minor, paid, done } = decision;
  const currency = payment.currency;
  payment.reversedAmount = minorToMajor(done + minor, currency);
  payment.reversed = done + minor === paid;
  const amount = minorToMajor(minor, currency);
  const poiTransactionId = newPoiTransactionId();
  const poiTimestamp = new Date().toISOString();
  const poiReconciliationId = String(state.reconciliationId);
  state.reversals.push({
    originalPoiTransactionId: payment.poiTransactionId, amount, currency, poiTransactionId, poiTimestamp,
    serviceId: String(header.ServiceID), saleId: String(header.SaleID), brand: payment.brand, poiReconciliationId,
  });
  // The terminal has given the money back either way; a lost answer leaves the sale system not knowing it.
  if (scripted === 'lost-response') exchange.drop();
  else {
    answer({ Result: 'Success' }, {
      POIData: { POITransactionID: { TransactionID: poiTransactionId, TimeStamp: poiTimestamp }, POIReconciliationID: poiReconciliationId },
      ReversedAmount: amount,
    });
  }
}
