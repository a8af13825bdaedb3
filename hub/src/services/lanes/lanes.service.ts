/** What shoppers (and the hub itself) do at a lane: scan, change, remove, identify, pay, cancel. lane-commits.ts runs each change once and commits it. */
import {
  DomainError,
  MAX_ORDER_QUANTITY,
  parseDepositVoucher,
  requiredAge,
  type Product,
  type LaneChange,
  type LaneOrder,
  type LanePayment,
  type LanePrinterProblem,
  type LaneScanPayload,
  type ReceiptDocument,
  type LaneSnapshot,
  type ParseOptions,
  type ScanResult,
  type VoucherFormat,
} from '@selfserve/shared';
import type { Database } from '../../storage/db.js';
import { lanesRepository as repo, type LineRow, type VisitRow } from '../../storage/lanes.repository.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import type { Clock } from '../../clock.js';
import { buildSnapshot, type SnapshotContext } from './snapshot.js';
import { PaidBaskets } from './paid-baskets.js';
import { LaneSales, type OrderingHooks } from './lane-sales.js';
import { DepositVouchers } from './vouchers.js';
import { resolveCode } from './resolve-code.js';
import type { Draft, LaneState } from './lane-book.js';
import { LaneCommits } from './lane-commits.js';
import { ensureVisit, move, nextShopper, type PaymentOutcome, type PaymentStart } from './lane-checkout.js';
import { salesRepository } from '../../storage/sales.repository.js';
import type { Scale } from '../../devices/scale/index.js';
import { weighIfNeeded } from './weigh.js';
import { type InterventionRules, askForLargeQuantity, askForVoid, endForLine, openIntervention, reconcileAgeCheck, SHOPPER, voidNeedsStaff } from './interventions.js';
import { basketCancelled } from '../../upstream/events.js';

export type { OrderingHooks } from './lane-sales.js';

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
  /** Called after a commit that wrote records to the electronic journal, to seal them. */
  onJournal?: () => void;
  /** How the reverse vending machine's deposit-return vouchers read; without it they are not taken. */
  voucherFormat?: VoucherFormat;
  /** Restaurant lanes: what an ordering kiosk's or a counter's sale means for its order. */
  ordering?: OrderingHooks;
}

export class LanesService {
  private readonly commits: LaneCommits;
  private readonly paidBaskets = new PaidBaskets();
  /** Deposit-return vouchers, each taken once across the store's lanes. */
  readonly vouchers = new DepositVouchers();
  /** Paying, receipts and the thank-you: lane-sales.ts. */
  readonly sales: LaneSales;

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
      ...(deps.onJournal ? { onJournal: deps.onJournal } : {}),
    });
    this.sales = new LaneSales(deps, this.commits, this.paidBaskets, this.vouchers);
  }

  /** Called with every new snapshot, for the transport to broadcast. */
  onChange(listener: (snapshot: LaneSnapshot) => void): () => void {
    return this.commits.onChange(listener);
  }

  async snapshot(laneId: string): Promise<LaneSnapshot> {
    return (await this.commits.book.get(laneId)).snapshot;
  }

  async ensureLanes(lanes: Array<{ id: string; name: string }>): Promise<void> {
    const now = this.deps.clock.now().toISOString();
    await this.deps.db.tx(async (tx) => {
      await repo.ensure(tx, lanes, now);
      await this.vouchers.load(tx);
    });
    await this.sales.start(lanes.map((l) => l.id));
  }

  /** Stops the timers that end visits. */
  stop(): void {
    this.sales.stop();
  }

  // Paying and printing, as the transport and the payment and printing workers know them.
  readonly pay = (laneId: string, p: { key: string }, deviceId: string | null = null) => this.sales.pay(laneId, p, deviceId);
  readonly payCash = (laneId: string, p: { key: string }, deviceId: string | null = null) => this.sales.payCash(laneId, p, deviceId);
  readonly settlePayment = (laneId: string, saleId: string, serviceId: string, outcome: PaymentOutcome) => this.sales.settlePayment(laneId, saleId, serviceId, outcome);
  readonly reprint = (laneId: string, p: { key: string }) => this.sales.reprint(laneId, p);
  readonly setPrinterProblem = (laneId: string, problem: LanePrinterProblem | null) => this.sales.setPrinterProblem(laneId, problem);
  readonly onPaymentStarted = (listener: (start: PaymentStart) => void) => this.sales.onPaymentStarted(listener);
  readonly onReceiptQueued = (listener: (laneId: string) => void) => this.sales.onReceiptQueued(listener);
  readonly receiptQueued = (laneId: string) => this.sales.receiptQueued(laneId);
  readonly afterVisit = (snapshot: LaneSnapshot) => this.sales.afterVisit(snapshot);

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
    // A voucher's history is read before the lane's turn (the change itself cannot wait for the database).
    const voucher = this.deps.voucherFormat ? parseDepositVoucher(code, this.deps.voucherFormat) : null;
    const voucherUsed = voucher?.ok ? await this.deps.db.tx((tx) => this.vouchers.usedBefore(tx, voucher.code)) : false;
    return this.commits.request(laneId, p.key, 'lane:scan', p, scanAnswer, (d): ScanOutcome => {
      const r = resolveCode({ code, quantity, weightGrams }, this.deps.catalog, this.deps.parseOptions, this.deps.voucherFormat);
      // The next shopper need not wait for the thank-you to end: their first scan starts their visit.
      if (d.lane.status === 'finished') nextShopper(d);
      move(d, { type: 'scan' });
      const visit = ensureVisit(d);
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
      if (r.type === 'voucher') {
        this.vouchers.take(d, r, voucherUsed);
        return { added: 'voucher', lineId: null };
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
      if (this.vouchers.drop(d, p.lineId)) return null;
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
      this.vouchers.release(d);
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
      d.visit = { ...ensureVisit(d), member };
      d.writes.push(repo.updateVisit(d.visit));
      return null;
    });
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

