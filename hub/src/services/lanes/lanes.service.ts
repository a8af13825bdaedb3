/** What shoppers (and the hub itself) do at a lane: scan, change, remove, identify, pay, cancel. lane-commits.ts runs each change once and commits it. */
import {
  DomainError,
  MAX_ORDER_QUANTITY,
  requiredAge,
  type Product,
  type LaneChange,
  type LaneMode,
  type LaneOrder,
  type LanePayment,
  type LanePrinterProblem,
  type LaneScanPayload,
  type ReceiptDocument,
  type LaneSnapshot,
  type ParseOptions,
  type ScanResult,
} from '@selfserve/shared';
import type { Database } from '../../storage/db.js';
import { lanesRepository as repo, type LineRow, type VisitRow } from '../../storage/lanes.repository.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import type { Clock } from '../../clock.js';
import { buildSnapshot, type SnapshotContext } from './snapshot.js';
import { PaidBaskets } from './paid-baskets.js';

import { resolveCode } from './resolve-code.js';
import type { Draft, LaneState } from './lane-book.js';
import { LaneCommits } from './lane-commits.js';
import { applyOutcome, CASH_OUTCOME, ensureVisit, move, nextShopper, startPayment, type PaymentOutcome, type PaymentStart } from './lane-checkout.js';
import { salesRepository } from '../../storage/sales.repository.js';
import type { Scale } from '../../devices/scale/index.js';
import { weighIfNeeded } from './weigh.js';
import { type InterventionRules, askForLargeQuantity, askForVoid, endForLine, openIntervention, reconcileAgeCheck, SHOPPER, voidNeedsStaff } from './interventions.js';
import { printJobsRepository } from '../../storage/print-jobs.repository.js';
import { basketCancelled, saleCompleted } from '../../upstream/events.js';

export interface LaneLimits {
  maxLineQuantity: number;
  maxLines: number;
  idempotencyHours: number;
}


export interface LanesDeps {
  db: Database;
  catalog: CatalogService;
  clock: Clock;
  limits: LaneLimits;
  interventions: InterventionRules;
  parseOptions: ParseOptions;
  snapshotContext: () => Omit<SnapshotContext, 'now'>;
  /** Prefix of sale ids (the store id): a sale id is printed as the receipt's barcode. */
  storeId: string;
  /** Whether a lane has a payment terminal to pay at. */
  hasTerminal: (laneId: string) => boolean;
  /** How long the thank-you shows before the lane waits for the next shopper. */
  thankYouMs: number;
  /** Each lane's scale, read when a weighed item is scanned without a weight. */
  scales?: (laneId: string) => Scale | null;
  /** The receipt of a sale just paid, or null when the lane prints none. */
  receipt: (sale: { laneId: string; saleId: string; number: number; basket: LaneSnapshot; payment: LanePayment; time: string; order: LaneOrder | null }) => ReceiptDocument | null;
  onReceiptError?: (saleId: string, err: unknown) => void;
  /** The pseudonym head office may see for a member: null without their marketing consent (or a key). */
  memberPseudonym?: (memberId: string) => string | null;
  /** Called after a commit that wrote events to the outbox, to wake the relay. */
  onEvents?: () => void;
  /** Restaurant lanes: what an ordering kiosk's or a counter's sale means for its order. */
  ordering?: OrderingHooks;
}

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

export class LanesService {
  private readonly paymentListeners = new Set<PaymentListener>();
  private readonly receiptListeners = new Set<ReceiptListener>();
  private readonly commits: LaneCommits;
  private lastSaleNumber = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly paidBaskets = new PaidBaskets();

  constructor(private readonly deps: LanesDeps) {
    const price = (lane: LaneState['lane'], visit: VisitRow | null, lines: LineRow[]) =>
      this.paidBaskets.snapshot(lane) ?? buildSnapshot(lane, visit, lines, { ...deps.snapshotContext(), now: deps.clock.now() });
    this.commits = new LaneCommits({
      db: deps.db,
      clock: deps.clock,
      storeId: deps.storeId,
      idempotencyHours: deps.limits.idempotencyHours,
      price,
      restore: (tx, lane) => this.paidBaskets.restore(tx, lane),
      beforeSettle: (d) => d.lane.status !== 'closed' && reconcileAgeCheck(d, this.ageOf),
      ...(deps.onEvents ? { onEvents: deps.onEvents } : {}),
    });
  }

  /** Called with every new snapshot, for the transport to broadcast. */
  onChange(listener: (snapshot: LaneSnapshot) => void): () => void {
    return this.commits.onChange(listener);
  }

  async snapshot(laneId: string): Promise<LaneSnapshot> {
    return (await this.commits.book.get(laneId)).snapshot;
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

  async ensureLanes(lanes: Array<{ id: string; name: string }>): Promise<void> {
    const now = this.deps.clock.now().toISOString();
    this.lastSaleNumber = await this.deps.db.tx(async (tx) => {
      await repo.ensure(tx, lanes, now);
      return salesRepository.lastNumber(tx);
    });
    // A hub stopped during a thank-you ends it after its restart, as it would have.
    for (const { id } of lanes) {
      const { lane } = await this.commits.book.get(id);
      if (lane.status === 'finished' && lane.visitId) this.endThankYouLater(id, lane.visitId);
    }
  }

  /** Stops the timers that end visits. */
  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  /** An erased member leaves any visit in progress (their prices go with them). */
  async forgetMember(memberId: string): Promise<void> {
    for (const id of this.commits.book.loadedLaneIds()) {
      const state = await this.commits.book.get(id);
      if (state.visit?.member?.id !== memberId) continue;
      await this.commits.change(id, (d) => {
        if (d.visit?.member?.id !== memberId) return;
        d.visit = { ...d.visit, member: null };
        d.writes.push(repo.updateVisit(d.visit));
      });
    }
  }

  /** Forgets answers to requests older than the retention window. */
  pruneAcks(): Promise<number> {
    return this.commits.pruneAcks();
  }

  /** Re-prices every lane in memory, e.g. after a catalog import changed the promotions. */
  async refreshAll(): Promise<void> {
    for (const id of this.commits.book.loadedLaneIds()) await this.commits.change(id, () => undefined);
  }

  async scan(laneId: string, p: LaneScanPayload, deviceId: string | null = null): Promise<ScanResult> {
    const { code, quantity } = p;
    const scale = this.deps.scales?.(laneId) ?? null;
    const weightGrams = p.weightGrams ?? (scale ? await weighIfNeeded(scale, p, this.deps.catalog, this.deps.parseOptions) : undefined);
    return this.commits.request(laneId, p.key, 'lane:scan', p, scanAnswer, (d): ScanOutcome => {
      const r = resolveCode({ code, quantity, weightGrams }, this.deps.catalog, this.deps.parseOptions);
      // The next shopper need not wait for the thank-you to end: their first scan starts their visit.
      if (d.lane.status === 'finished') nextShopper(d);
      move(d, { type: 'scan' });
      const visit = this.ensureVisit(d);
      if (r.type === 'member') {
        d.visit = { ...visit, member: r.member };
        d.writes.push(repo.updateVisit(d.visit));
        return { added: 'member', lineId: null };
      }
      if (r.type === 'coupon') {
        d.visit = { ...visit, coupons: visit.coupons.includes(r.code) ? visit.coupons : [...visit.coupons, r.code] };
        d.writes.push(repo.updateVisit(d.visit));
        return { added: 'coupon', lineId: null };
      }
      const mergeable = r.product.unit === 'each' && r.labelPrice === null;
      const same = mergeable ? d.lines.find((l) => l.product.id === r.product.id && l.labelPrice === null && l.code === code.trim()) : undefined;
      if (same) {
        this.setLineQuantity(d, same, same.quantity + r.quantity);
        askForLargeQuantity(d, this.deps.interventions, same.lineId, same.quantity, deviceId);
        return { added: 'line', lineId: same.lineId };
      }
      if (d.lines.length >= this.deps.limits.maxLines) throw new DomainError('quantity-limit', `a basket holds at most ${this.deps.limits.maxLines} lines`);
      this.checkQuantity(r.quantity);
      const seq = ++d.seq;
      const line: LineRow = {
        lineId: `L${seq}`, seq, product: r.product, code: code.trim(), quantity: r.quantity,
        weightGrams: r.weightGrams, labelPrice: r.labelPrice, priceOverride: null, source: p.source ?? null, addedAt: d.now,
      };
      d.lines.push(line);
      d.writes.push(repo.insertLine(visit.id, line));
      askForLargeQuantity(d, this.deps.interventions, line.lineId, 0, deviceId);
      reconcileAgeCheck(d, this.ageOf, SHOPPER(deviceId));
      return { added: 'line', lineId: line.lineId };
    });
  }

  /** A lower quantity once the basket is large waits for staff (a void); a very large one is applied and waits for staff too. */
  setQuantity(laneId: string, p: { key: string; lineId: string; quantity: number }, deviceId: string | null = null): Promise<LaneChange> {
    return this.commits.request(laneId, p.key, 'lane:setQuantity', p, changeAnswer, (d) => {
      const line = findLine(d, p.lineId);
      if (line.product.unit === 'kg' || line.labelPrice !== null || line.priceOverride !== null) {
        throw new DomainError('not-allowed', 'a weighed, labelled or re-priced line has no quantity to change');
      }
      move(d, { type: 'scan' });
      const ordering = this.ordersAt(laneId);
      if (ordering && p.quantity > MAX_ORDER_QUANTITY) throw new DomainError('quantity-limit', `at most ${MAX_ORDER_QUANTITY} of one choice per line`);
      if (!ordering && p.quantity < line.quantity && voidNeedsStaff(d, this.deps.interventions)) {
        askForVoid(d, line, p.quantity, deviceId);
        return null;
      }
      this.setLineQuantity(d, line, p.quantity);
      if (!ordering && p.quantity > line.quantity) askForLargeQuantity(d, this.deps.interventions, line.lineId, line.quantity, deviceId);
      return null;
    });
  }

  /** Removing a line once the basket is large waits for staff (a void); the line stays until they approve. */
  removeLine(laneId: string, p: { key: string; lineId: string }, deviceId: string | null = null): Promise<LaneChange> {
    return this.commits.request(laneId, p.key, 'lane:removeLine', p, changeAnswer, (d) => {
      const line = findLine(d, p.lineId);
      move(d, { type: 'scan' });
      // A guest changing their mind about a burger needs nobody; a shopper's void after many items does.
      if (!this.ordersAt(laneId) && voidNeedsStaff(d, this.deps.interventions)) {
        askForVoid(d, line, 0, deviceId);
        return null;
      }
      d.lines = d.lines.filter((l) => l.lineId !== p.lineId);
      d.writes.push(repo.removeLine(d.visit!.id, p.lineId, d.now));
      endForLine(d, p.lineId, SHOPPER(deviceId));
      return null;
    });
  }

  /** The shopper calls staff: for help, or about an item the lane could not find. One open call of a kind is enough. */
  callStaff(laneId: string, p: { key: string; reason: 'help' | 'unknown-item'; code?: string | undefined }, deviceId: string | null = null): Promise<LaneChange> {
    return this.commits.request(laneId, p.key, 'lane:callStaff', p, changeAnswer, (d) => {
      if (d.lane.status === 'closed') throw new DomainError('not-allowed', 'this lane is closed');
      const code = p.code?.trim();
      if (d.lane.interventions.some((i) => i.reason === p.reason && i.code === code)) return null;
      openIntervention(d, { reason: p.reason, requestedBy: null, ...(code ? { code, detail: code } : {}) }, SHOPPER(deviceId));
      return null;
    });
  }

  /** The shopper gives up: the visit is kept as cancelled, and the lane waits for the next shopper. */
  cancel(laneId: string, p: { key: string }): Promise<LaneChange> {
    return this.commits.request(laneId, p.key, 'lane:cancel', p, changeAnswer, (d) => {
      move(d, { type: 'cancel' });
      if (d.visit) {
        d.writes.push(repo.updateVisit({ ...d.visit, status: 'cancelled' }, d.now));
        d.events.push(basketCancelled(d, 'shopper'));
      }
      if (d.lane.payment) d.writes.push(salesRepository.abandonSale(d.lane.payment.saleId));
      nextShopper(d);
      return null;
    });
  }

  /**
   * A change on behalf of someone else (staff), exactly once per key like the shopper's own: the
   * interventions service brings the body, this keeps the lane's queue, pricing and journal.
   */
  request<R, T>(laneId: string, key: string, event: string, payload: unknown, answer: (result: R, snapshot: LaneSnapshot) => T, body: (d: Draft) => R): Promise<T> {
    return this.commits.request(laneId, key, event, payload, answer, body);
  }

  /** A change the hub makes by itself, without a request key (e.g. a counter taking up an order). */
  change(laneId: string, fn: (d: Draft) => void): Promise<LaneSnapshot> {
    return this.commits.change(laneId, fn);
  }

  /** The age a product needs under the store's rules. */
  readonly ageOf = (product: Product): number | null => requiredAge(product, this.deps.snapshotContext().ageRules);

  /** The shopper identifies as a member by phone number: member prices apply from now on. */
  identify(laneId: string, p: { key: string; phone: string }): Promise<LaneChange> {
    return this.commits.request(laneId, p.key, 'lane:identify', p, changeAnswer, (d) => {
      const member = this.deps.catalog.memberByPhoneNumber(p.phone);
      if (!member) throw new DomainError('unknown-item', 'no member has this phone number', { kind: 'member' });
      move(d, { type: 'scan' });
      d.visit = { ...this.ensureVisit(d), member };
      d.writes.push(repo.updateVisit(d.visit));
      return null;
    });
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
    let order: ReturnType<OrderingHooks['salePaid']> = null;
    const snapshot = await this.commits
      .change(laneId, (d) => {
        applyOutcome(d, saleId, serviceId, number, outcome);
        if (outcome.state === 'approved') order = this.salePaid(d, saleId, number, 'card');
      })
      .catch((err: unknown) => {
        (order as ReturnType<OrderingHooks['salePaid']>)?.failed();
        throw err;
      });
    (order as ReturnType<OrderingHooks['salePaid']>)?.committed();
    this.afterVisit(snapshot);
    return snapshot;
  }

  /**
   * Cash a member of staff received for the lane's basket (at a restaurant counter): the sale is
   * opened and paid in one commit, once per request key.
   */
  async payCash(laneId: string, p: { key: string }, deviceId: string | null = null): Promise<LaneChange> {
    let order: ReturnType<OrderingHooks['salePaid']> = null;
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
        (order as ReturnType<OrderingHooks['salePaid']>)?.failed();
        throw err;
      });
    (order as ReturnType<OrderingHooks['salePaid']>)?.committed();
    this.afterVisit(await this.snapshot(laneId));
    return change;
  }

  /** In a paid sale's commit: its order (at a restaurant), its receipt and its event for head office. */
  private salePaid(d: Draft, saleId: string, number: number, method: 'card' | 'cash'): ReturnType<OrderingHooks['salePaid']> {
    const order = this.deps.ordering?.salePaid(d, { saleId, method }) ?? null;
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

  private ensureVisit(d: Draft): VisitRow {
    return ensureVisit(d);
  }

  /** Whether the lane is a restaurant ordering kiosk. */
  private ordersAt(laneId: string): boolean {
    return this.deps.ordering?.mode(laneId) === 'order';
  }

  private checkQuantity(quantity: number): void {
    const max = this.deps.limits.maxLineQuantity;
    if (quantity > max) throw new DomainError('quantity-limit', `at most ${max} of one item per line`);
  }

  private setLineQuantity(d: Draft, line: LineRow, quantity: number): void {
    this.checkQuantity(quantity);
    d.lines[d.lines.indexOf(line)] = { ...line, quantity };
    d.writes.push(repo.setQuantity(d.visit!.id, line.lineId, quantity));
  }
}

type ScanOutcome = Pick<ScanResult, 'added'> & { lineId: string | null };

const scanAnswer = (r: ScanOutcome, s: LaneSnapshot): ScanResult => ({
  added: r.added,
  version: s.version,
  line: s.lines.find((l) => l.lineId === r.lineId) ?? null,
  total: s.totals.total,
});

const changeAnswer = (_r: unknown, s: LaneSnapshot): LaneChange => ({ version: s.version });

function findLine(d: Draft, lineId: string): LineRow {
  const line = d.lines.find((l) => l.lineId === lineId);
  if (!line || !d.visit) throw new DomainError('not-found', `no line "${lineId}" in this basket`);
  return line;
}

