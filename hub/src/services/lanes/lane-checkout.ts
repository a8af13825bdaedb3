/** The payment part of a visit, as changes to a lane's draft: start a sale, apply the terminal's outcome, end the visit. */
import { randomBytes, randomUUID } from 'node:crypto';
import { DomainError, type LanePayment } from '@selfserve/shared';
import { lanesRepository as lanes, type VisitRow } from '../../storage/lanes.repository.js';
import { salesRepository as sales } from '../../storage/sales.repository.js';
import { move, type Draft } from './lane-book.js';
import { expireAll, openIntervention, SHOPPER } from './interventions.js';

export { move };

/** What the terminal said, or that the hub does not know yet. */
export type PaymentOutcome =
  | { state: 'approved' | 'declined' | 'cancelled' | 'failed'; reason: string | null; brand: string | null; maskedPan: string | null; entryMode: string | null; result: unknown }
  | { state: 'checking' | 'offline'; reason: string | null };

/** A payment the terminal must now be asked for. */
export interface PaymentStart {
  laneId: string;
  saleId: string;
  serviceId: string;
  amount: number;
  currency: string;
}

/** Failed attempts in a row after which staff must help. */
export const FAILURES_BEFORE_STAFF = 3;

/** nexo ServiceIDs are at most 10 characters. */
export const newServiceId = (): string => randomBytes(8).toString('base64url').slice(0, 10);

/**
 * Opens a sale for the basket as priced now and journals its first payment attempt, both durably,
 * before any request leaves for the terminal. A sale left by a refused attempt is abandoned.
 */
export function startPayment(d: Draft, sale: { id: string; number: number }, deviceId: string | null = null): PaymentStart {
  const total = d.snapshot.totals.total;
  if (!d.visit || d.lines.length === 0) throw new DomainError('not-allowed', 'the basket is empty');
  if (total <= 0) throw new DomainError('not-allowed', 'there is nothing to pay');
  move(d, { type: 'pay' });
  const previous = d.lane.payment;
  if (previous) d.writes.push(sales.abandonSale(previous.saleId));
  const serviceId = newServiceId();
  const currency = d.snapshot.totals.currency;
  d.writes.push(
    sales.insertSale({ id: sale.id, number: sale.number, laneId: d.lane.id, visitId: d.visit.id, total, currency, basket: d.snapshot, at: d.now }),
    sales.insertPayment({ serviceId, saleId: sale.id, amount: total, currency, at: d.now }),
  );
  d.lane.payment = { saleId: sale.id, state: 'waiting', amount: total, reason: null, brand: null, maskedPan: null, entryMode: null, deviceId, failures: previous?.failures ?? 0 };
  d.lane.receipt = null;
  d.durable = true;
  return { laneId: d.lane.id, saleId: sale.id, serviceId, amount: total, currency };
}

/** Applies the terminal's answer; only an approved payment finishes the sale. */
export function applyOutcome(d: Draft, saleId: string, serviceId: string, number: number, outcome: PaymentOutcome): void {
  const payment = d.lane.payment;
  if (!payment || payment.saleId !== saleId || d.lane.status !== 'payment') throw new DomainError('not-found', `sale ${saleId} is not being paid at this lane`);
  d.durable = true;
  if (!('result' in outcome)) {
    d.lane.payment = { ...payment, state: outcome.state, reason: outcome.reason };
    d.writes.push(sales.updatePayment(serviceId, 'unknown', null, d.now));
    return;
  }
  d.writes.push(sales.updatePayment(serviceId, outcome.state, outcome.result, d.now));
  const next: LanePayment = { ...payment, state: outcome.state, reason: outcome.reason, brand: outcome.brand, maskedPan: outcome.maskedPan, entryMode: outcome.entryMode };
  if (outcome.state === 'approved') {
    move(d, { type: 'payment-approved' });
    d.writes.push(sales.markPaid(saleId, d.now));
    if (d.visit) d.writes.push(lanes.updateVisit({ ...d.visit, status: 'completed' }, d.now));
    d.lane.payment = next;
    d.lane.receipt = { saleId, number };
    move(d, { type: 'receipt-done' }); // printing is queued apart and never undoes a sale
    return;
  }
  move(d, { type: 'payment-failed' });
  d.lane.payment = { ...next, failures: payment.failures + 1 };
  if (payment.failures + 1 >= FAILURES_BEFORE_STAFF) {
    openIntervention(d, { reason: 'payment-failed', detail: outcome.reason ?? outcome.state, requestedBy: null }, SHOPPER(null));
  }
}

/** After the thank-you: the lane waits for the next shopper with a clean slate. */
export function nextShopper(d: Draft): void {
  expireAll(d, SHOPPER(null));
  move(d, { type: 'next-shopper' });
  Object.assign(d, { visit: null, lines: [], seq: 0 });
  d.lane.visitId = null;
  d.lane.payment = null;
  d.lane.receipt = null;
  d.lane.order = null;
}

/** The lane's visit, begun by the first thing the shopper (or guest) does. */
export function ensureVisit(d: Draft): VisitRow {
  if (d.visit) return d.visit;
  d.visit = { id: randomUUID(), laneId: d.lane.id, status: 'open', startedAt: d.now, member: null, coupons: [], approvedAge: null, ageChecks: [], dining: null };
  d.lane.visitId = d.visit.id;
  d.writes.push(lanes.createVisit(d.visit));
  return d.visit;
}

/** What cash received looks like to the sale's journal: approved at once, no card. */
export const CASH_OUTCOME: PaymentOutcome = { state: 'approved', reason: null, brand: null, maskedPan: null, entryMode: 'cash', result: { method: 'cash' } };
