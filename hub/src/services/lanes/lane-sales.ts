/**
 * Paying at a lane: a sale journaled before the terminal hears of it, its outcome applied, cash recorded
 * at a counter, the receipt queued in the paid sale's commit, the thank-you, and reprints.
 */
import {
  DomainError,
  type LaneChange,
  type LaneMode,
  type LanePrinterProblem,
  type LaneSnapshot,
} from '@selfserve/shared';
import { salesRepository } from '../../storage/sales.repository.js';
import { printJobsRepository } from '../../storage/print-jobs.repository.js';
import { saleCompleted } from '../../upstream/events.js';
import type { Draft } from './lane-book.js';
import type { LaneCommits } from './lane-commits.js';
import type { PaidBaskets } from './paid-baskets.js';
import type { DepositVouchers } from './vouchers.js';
import { applyOutcome, CASH_OUTCOME, nextShopper, startPayment, type PaymentOutcome, type PaymentStart } from './lane-checkout.js';
import type { LanesDeps } from './lanes.service.js';

/** How a lane's sale touches restaurant orders (see services/orders/hooks.ts). */
export interface OrderingHooks {
  mode(laneId: string): LaneMode;
  /** Before a payment starts: refuses a basket holding something no longer on sale. */
  beforePay(d: Draft): void;
  /** In the commit of a paid sale: the order it becomes (ordering kiosk) or pays (counter). */
  salePaid(d: Draft, sale: { saleId: string; method: 'card' | 'cash' }): { committed(): void; failed(): void } | null;
}

type PaymentListener = (start: PaymentStart) => void;
type ReceiptListener = (laneId: string) => void;
type OrderCommit = ReturnType<OrderingHooks['salePaid']>;

const changeAnswer = (_r: unknown, s: LaneSnapshot): LaneChange => ({ version: s.version });

export class LaneSales {
  private readonly paymentListeners = new Set<PaymentListener>();
  private readonly receiptListeners = new Set<ReceiptListener>();
  private lastSaleNumber = 0;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly deps: LanesDeps,
    private readonly commits: LaneCommits,
    private readonly paidBaskets: PaidBaskets,
    private readonly vouchers: DepositVouchers,
  ) {}

  /** Goes on numbering sales; a hub stopped during a thank-you ends it after its restart, as it would have. */
  async start(laneIds: string[]): Promise<void> {
    this.lastSaleNumber = await this.deps.db.tx((tx) => salesRepository.lastNumber(tx));
    for (const id of laneIds) {
      const { lane } = await this.commits.book.get(id);
      if (lane.status === 'finished' && lane.visitId) this.endThankYouLater(id, lane.visitId);
    }
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  /**
   * The shopper pays: the sale and its first attempt are journaled durably, then the terminal is
   * asked (by the payments service). A replay changes nothing and starts nothing.
   */
  async pay(laneId: string, p: { key: string }, deviceId: string | null = null): Promise<LaneChange> {
    let started: PaymentStart | null = null;
    if (!this.deps.hasTerminal(laneId)) throw new DomainError('not-allowed', 'this lane has no payment terminal');
    const change = await this.commits.request(laneId, p.key, 'lane:pay', p, changeAnswer, (d) => {
      this.deps.ordering?.beforePay(d);
      const number = this.lastSaleNumber + 1;
      started = startPayment(d, { id: `${this.deps.storeId}-${String(number).padStart(6, '0')}`, number }, deviceId);
      this.paidBaskets.started(laneId, d.snapshot);
      this.lastSaleNumber = number;
      return null;
    });
    const start = started as PaymentStart | null;
    if (start) for (const l of this.paymentListeners) l(start);
    return change;
  }

  /** The terminal's answer (or the hub's uncertainty) about a sale's payment. */
  async settlePayment(laneId: string, saleId: string, serviceId: string, outcome: PaymentOutcome): Promise<LaneSnapshot> {
    const number = Number(saleId.slice(saleId.lastIndexOf('-') + 1));
    let order: OrderCommit = null;
    const snapshot = await this.commits
      .change(laneId, (d) => {
        applyOutcome(d, saleId, serviceId, number, outcome);
        if (outcome.state === 'approved') order = this.salePaid(d, saleId, number, 'card');
      })
      .catch((err: unknown) => {
        (order as OrderCommit)?.failed();
        throw err;
      });
    (order as OrderCommit)?.committed();
    this.afterVisit(snapshot);
    return snapshot;
  }

  /**
   * Cash a member of staff received for the lane's basket (at a restaurant counter): the sale is
   * opened and paid in one commit, once per request key.
   */
  async payCash(laneId: string, p: { key: string }, deviceId: string | null = null): Promise<LaneChange> {
    let order: OrderCommit = null;
    const change = await this.commits
      .request(laneId, p.key, 'counter:cash', p, changeAnswer, (d) => {
        const number = this.lastSaleNumber + 1;
        const start = startPayment(d, { id: `${this.deps.storeId}-${String(number).padStart(6, '0')}`, number }, deviceId);
        this.paidBaskets.started(laneId, d.snapshot);
        this.lastSaleNumber = number;
        applyOutcome(d, start.saleId, start.serviceId, number, CASH_OUTCOME);
        order = this.salePaid(d, start.saleId, number, 'cash');
        return null;
      })
      .catch((err: unknown) => {
        (order as OrderCommit)?.failed();
        throw err;
      });
    (order as OrderCommit)?.committed();
    this.afterVisit((await this.commits.book.get(laneId)).snapshot);
    return change;
  }

  /** In a paid sale's commit: its order (at a restaurant), its receipt and its event for head office. */
  private salePaid(d: Draft, saleId: string, number: number, method: 'card' | 'cash'): OrderCommit {
    const order = this.deps.ordering?.salePaid(d, { saleId, method }) ?? null;
    this.vouchers.redeem(d);
    this.queueReceipt(d, saleId, number);
    const memberId = d.visit?.member?.id;
    d.events.push(saleCompleted(d, { saleId, number, method, memberPseudonym: memberId ? (this.deps.memberPseudonym?.(memberId) ?? null) : null }));
    return order;
  }

  /** A visit just finished (paid, or an order sent to the counter): print, then thank-you, then the next one. */
  afterVisit(snapshot: LaneSnapshot): void {
    if (snapshot.status !== 'finished' || !snapshot.visitId) return;
    this.receiptQueued(snapshot.laneId);
    this.endThankYouLater(snapshot.laneId, snapshot.visitId);
  }

  /** After the thank-you, the lane waits for the next shopper (unless one has started meanwhile). */
  private endThankYouLater(laneId: string, visitId: string): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.commits.change(laneId, (d) => {
        if (d.lane.status === 'finished' && d.lane.visitId === visitId) nextShopper(d);
      }).catch(() => undefined);
    }, this.deps.thankYouMs);
    timer.unref();
    this.timers.add(timer);
  }

  /** Queues the receipt in the same commit as the paid sale; a receipt that cannot be built never undoes the sale. */
  private queueReceipt(d: Draft, saleId: string, number: number): void {
    try {
      const doc = this.deps.receipt({ laneId: d.lane.id, saleId, number, basket: d.snapshot, payment: d.lane.payment!, time: d.now, order: d.lane.order ?? null });
      if (doc) d.writes.push(printJobsRepository.enqueue(d.lane.id, saleId, doc, d.now));
    } catch (err) {
      this.deps.onReceiptError?.(saleId, err);
    }
  }

  /** A reprint of the receipt the lane shows (its thank-you), queued once per request key. */
  async reprint(laneId: string, p: { key: string }): Promise<LaneChange> {
    const change = await this.commits.request(laneId, p.key, 'lane:reprint', p, changeAnswer, (d) => {
      const receipt = d.lane.receipt;
      if (!receipt) throw new DomainError('not-allowed', 'there is no receipt to print again');
      d.writes.push(printJobsRepository.enqueueCopy(receipt.saleId, d.now));
      return null;
    });
    this.receiptQueued(laneId);
    return change;
  }

  /** The printer's trouble (or its end) as part of the lane, so kiosk, CFD and staff see it. */
  async setPrinterProblem(laneId: string, problem: LanePrinterProblem | null): Promise<void> {
    const current = (await this.commits.book.get(laneId)).lane.printer;
    if (JSON.stringify(current) === JSON.stringify(problem)) return;
    await this.commits.change(laneId, (d) => {
      d.lane.printer = problem;
    });
  }

  /** Called when a receipt was queued for a lane's printer. */
  onReceiptQueued(listener: ReceiptListener): void {
    this.receiptListeners.add(listener);
  }

  /** Tells the printing worker that a lane's queue has a new receipt. */
  receiptQueued(laneId: string): void {
    for (const l of this.receiptListeners) l(laneId);
  }

  /** Called when a sale's payment must go to the terminal. */
  onPaymentStarted(listener: PaymentListener): void {
    this.paymentListeners.add(listener);
  }
}
