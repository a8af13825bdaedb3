/**
 * The guest at an ordering kiosk (add, change, eat in or take away, pay at the counter) and staff at the
 * counter (take an order's payment by card or cash). Each is a change of a lane, made once per key.
 */
import { createHash } from 'node:crypto';
import {
  DomainError,
  type ConfiguredItem,
  type LaneChange,
  type LaneMode,
  type OrderAddResult,
  type OrderDiningPayload,
  type OrderReplaceLinePayload,
  type OrderSelection,
  type Product,
  type ReceiptDocument,
  type LaneSnapshot,
} from '@selfserve/shared';
import type { Database } from '../../storage/db.js';
import { lanesRepository as repo, type LineRow } from '../../storage/lanes.repository.js';
import { printJobsRepository } from '../../storage/print-jobs.repository.js';
import type { Draft } from '../lanes/lane-book.js';
import { ensureVisit, move, nextShopper } from '../lanes/lane-checkout.js';
import { reconcileAgeCheck, SHOPPER } from '../lanes/interventions.js';
import type { LanesService } from '../lanes/lanes.service.js';
import type { MenuService } from './menu.service.js';
import type { OrdersService } from './orders.service.js';

export interface OrderingDeps {
  db: Database;
  lanes: LanesService;
  menu: MenuService;
  orders: OrdersService;
  modes: ReadonlyMap<string, LaneMode>;
  maxLines: number;
  /** The "pay at the counter" ticket of an order, or null when the lane prints none. */
  ticket: (laneId: string, order: { number: number; basket: LaneSnapshot; time: string }) => ReceiptDocument | null;
}

const change = (_r: unknown, s: LaneSnapshot): LaneChange => ({ version: s.version });

export class OrderingService {
  constructor(private readonly o: OrderingDeps) {}

  add(laneId: string, p: { key: string; item: OrderSelection; quantity: number }, deviceId: string | null): Promise<OrderAddResult> {
    this.expect(laneId, 'order');
    return this.o.lanes.request(laneId, p.key, 'order:add', p, (lineId: string, s) => ({ version: s.version, lineId }), (d) => {
      const item = this.o.menu.configure(p.item);
      if (d.lane.status === 'finished') nextShopper(d);
      move(d, { type: 'scan' });
      const visit = ensureVisit(d);
      if (d.lines.length >= this.o.maxLines) throw new DomainError('quantity-limit', `an order holds at most ${this.o.maxLines} lines`);
      const seq = ++d.seq;
      const line = menuLine(`L${seq}`, seq, item, p.quantity, d.now);
      d.lines.push(line);
      d.writes.push(repo.insertLine(visit.id, line));
      reconcileAgeCheck(d, this.o.lanes.ageOf, SHOPPER(deviceId));
      return line.lineId;
    });
  }

  /** The guest changed a line's choices: the line keeps its place and quantity, with a new price. */
  replaceLine(laneId: string, p: OrderReplaceLinePayload, deviceId: string | null): Promise<LaneChange> {
    this.expect(laneId, 'order');
    return this.o.lanes.request(laneId, p.key, 'order:replaceLine', p, change, (d) => {
      const old = d.lines.find((l) => l.lineId === p.lineId);
      if (!old?.menu || !d.visit) throw new DomainError('not-found', `no menu line "${p.lineId}" in this order`);
      const item = this.o.menu.configure(p.item);
      move(d, { type: 'scan' });
      const line = menuLine(old.lineId, old.seq, item, old.quantity, old.addedAt);
      d.lines[d.lines.indexOf(old)] = line;
      d.writes.push(repo.replaceMenuLine(d.visit.id, line));
      reconcileAgeCheck(d, this.o.lanes.ageOf, SHOPPER(deviceId));
      return null;
    });
  }

  setDining(laneId: string, p: OrderDiningPayload): Promise<LaneChange> {
    this.expect(laneId, 'order');
    return this.o.lanes.request(laneId, p.key, 'order:setDining', p, change, (d) => {
      if (d.lane.status === 'finished') nextShopper(d);
      move(d, { type: 'scan' });
      d.visit = { ...ensureVisit(d), dining: p.dining };
      d.writes.push(repo.updateVisit(d.visit));
      return null;
    });
  }

  /** The guest pays at the counter: the order gets its number (and a printed ticket) and waits there. */
  async payAtCounter(laneId: string, p: { key: string }): Promise<LaneChange> {
    this.expect(laneId, 'order');
    let placed: ReturnType<OrdersService['place']> | null = null;
    const answer = await this.o.lanes
      .request(laneId, p.key, 'order:payAtCounter', p, change, (d) => {
        if (!d.visit || d.lines.length === 0) throw new DomainError('not-allowed', 'the order is empty');
        const line = this.o.menu.firstUnorderable(d.lines);
        if (line) throw new DomainError('sold-out', `${line.menu!.name.da} can no longer be ordered as chosen; change it or take it out`, { lineId: line.lineId });
        move(d, { type: 'order-placed' });
        placed = this.o.orders.place({ laneId, visitId: d.visit.id, dining: d.visit.dining ?? 'take-away', basket: d.snapshot, lines: d.lines, payment: null }, d.now);
        d.visit = { ...d.visit, status: 'ordered' };
        d.writes.push(...placed.statements, repo.updateVisit(d.visit, d.now));
        d.lane.order = { id: placed.order.id, number: placed.order.number, payAt: 'counter' };
        this.printTicket(d, placed.order.id, placed.order.number);
        return null;
      })
      .catch((err: unknown) => {
        (placed as ReturnType<OrdersService['place']> | null)?.failed();
        throw err;
      });
    (placed as ReturnType<OrdersService['place']> | null)?.committed();
    this.o.lanes.afterVisit(await this.o.lanes.snapshot(laneId));
    return answer;
  }

  /**
   * Staff at the counter take an order's payment: the counter lane takes the order's basket up (once),
   * then its terminal charges it, or the cash is recorded. Paid, the order goes to the kitchen.
   */
  async counterPay(p: { key: string; laneId: string; orderId: string; method: 'card' | 'cash' }, deviceId: string): Promise<LaneChange> {
    this.expect(p.laneId, 'counter');
    const order = this.o.orders.open(p.orderId);
    const lane = await this.o.lanes.snapshot(p.laneId);
    if (order.status !== 'awaiting-payment' && lane.visitId !== order.visitId) throw new DomainError('not-allowed', `order ${order.number} is already paid`);
    if (lane.visitId !== order.visitId) await this.takeUp(p.laneId, order);
    this.o.orders.takenUp(order.id, p.laneId);
    return p.method === 'card' ? this.o.lanes.pay(p.laneId, { key: p.key }, deviceId) : this.o.lanes.payCash(p.laneId, { key: p.key }, deviceId);
  }

  /** The counter lets go of the order it took up (declined card, guest gone): it waits again. */
  counterRelease(p: { key: string; laneId: string }): Promise<LaneChange> {
    this.expect(p.laneId, 'counter');
    return this.o.lanes.request(p.laneId, p.key, 'counter:release', p, change, (d) => {
      if (d.visit?.status !== 'ordered') throw new DomainError('not-allowed', 'the counter holds no order waiting for payment');
      const order = this.o.orders.awaitingByVisit(d.visit.id);
      move(d, { type: 'cancel' });
      nextShopper(d);
      if (order) this.o.orders.takenUp(order.id, null);
      return null;
    });
  }

  /** The counter lane takes the order's basket (and shows its number) until it is paid or let go. */
  private async takeUp(laneId: string, order: { id: string; number: number; visitId: string }): Promise<void> {
    const { visitId } = order;
    const taken = await this.o.db.tx(async (tx) => ({ visit: await repo.visit(tx, visitId), lines: await repo.lines(tx, visitId), seq: await repo.maxSeq(tx, visitId) }));
    if (!taken.visit || taken.visit.status !== 'ordered') throw new DomainError('not-allowed', 'this order is not waiting for payment');
    await this.o.lanes.change(laneId, (d) => {
      if (d.lane.status === 'finished') nextShopper(d);
      if (d.lane.visitId !== null) throw new DomainError('not-allowed', 'the counter is busy with another order: finish or let go of it first');
      move(d, { type: 'scan' });
      Object.assign(d, { visit: taken.visit, lines: taken.lines, seq: taken.seq });
      d.lane.visitId = visitId;
      d.lane.order = { id: order.id, number: order.number, payAt: 'counter' };
    });
  }

  private printTicket(d: Draft, orderId: string, number: number): void {
    const doc = this.o.ticket(d.lane.id, { number, basket: d.snapshot, time: d.now });
    if (doc) d.writes.push(printJobsRepository.enqueue(d.lane.id, orderId, doc, d.now));
  }

  private expect(laneId: string, mode: LaneMode): void {
    if ((this.o.modes.get(laneId) ?? 'checkout') !== mode) {
      throw new DomainError('not-allowed', mode === 'order' ? 'this lane takes no restaurant orders' : `lane "${laneId}" is not a counter`);
    }
  }
}

/** A basket line for a configured menu selection: a product of its own, priced by the menu. */
export function menuLine(lineId: string, seq: number, item: ConfiguredItem, quantity: number, addedAt: string): LineRow {
  const hash = createHash('sha256').update(JSON.stringify(item.selection)).digest('hex').slice(0, 8);
  const product: Product = {
    // One id per configuration: two burgers with different extras are priced apart.
    id: `${item.id}.${hash}`,
    name: item.name,
    gtins: [],
    rcnItems: [],
    price: item.unitPrice,
    unit: 'each',
    vatRate: item.vatRate,
    department: `menu-${item.categoryId ?? item.kind}`,
    ...(item.ageCategory ? { ageCategory: item.ageCategory } : {}),
    ...(item.abv !== undefined ? { abv: item.abv } : {}),
  };
  return { lineId, seq, product, code: `menu:${item.id}`, quantity, weightGrams: null, labelPrice: null, priceOverride: null, source: 'menu', addedAt, menu: item };
}
