/**
 * Restaurant orders after the guest is done at the kiosk: numbered per day, paid (at the kiosk or the
 * counter), made in the kitchen item by item, ready on the board, collected. Open orders live in memory
 * and in the orders table; every change is written before anyone is told.
 */
import { randomUUID } from 'node:crypto';
import {
  DomainError,
  nextOrderNumber,
  type DiningOption,
  type KitchenItem,
  type LaneSnapshot,
  type OrderLineView,
  type OrderNumberRange,
  type OrdersOverview,
  type OrderStatus,
  type OrderView,
} from '@selfserve/shared';
import type { Database, Statement } from '../../storage/db.js';
import type { Clock } from '../../clock.js';
import type { LineRow } from '../../storage/lanes.repository.js';
import { ordersRepository, type OrderRow } from '../../storage/orders.repository.js';
import { localParts } from '../insights/local-time.js';

export interface OrdersServiceOptions {
  db: Database;
  clock: Clock;
  timeZone: string;
  numbers: OrderNumberRange;
  /** A ready order counts as collected after this long (it leaves the board). */
  readySeconds: number;
  timing: OrdersOverview['timing'];
  /** How often ready orders are checked for that timeout. */
  sweepMs?: number;
  /** The statements that queue an order's kitchen tickets when it reaches the kitchen (stations with a printer). */
  kitchenTickets?: (order: OrderRow) => Statement[];
  /** Told after an order reached the kitchen, e.g. to start its ticket printers. */
  onReleased?: (order: OrderRow) => void;
}

/** An order change made inside a lane's commit: told to everyone only once that commit is durable. */
export interface OrderCommit {
  order: OrderRow;
  /** What writes it (and queues its kitchen tickets), in the lane's commit. */
  statements: Statement[];
  committed(): void;
  failed(): void;
}

export interface PlaceOrder {
  laneId: string;
  visitId: string;
  dining: DiningOption;
  /** The basket as priced (the paid one, for a sale). */
  basket: LaneSnapshot;
  lines: LineRow[];
  /** Paid at the kiosk (to the kitchen now), or to pay at the counter. */
  payment: OrderView['payment'];
}

type Listener = (order: OrderView) => void;

const OPEN: ReadonlySet<OrderStatus> = new Set(['awaiting-payment', 'preparing', 'ready']);

/** What the kiosk, counter, kitchen and board may see of an order (no visit id). */
const view = ({ day: _day, visitId: _visit, ...order }: OrderRow): OrderView => order;

export class OrdersService {
  private readonly orders = new Map<string, OrderRow>();
  private readonly reserved = new Set<number>();
  /** Orders a counter lane is taking payment for, by order id: the counter lane's id. */
  private readonly paying = new Map<string, string>();
  private last: { day: string; number: number } | null = null;
  private lastBumped: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly o: OrdersServiceOptions) {}

  async start(): Promise<void> {
    const { open, last } = await this.o.db.tx(async (tx) => ({ open: await ordersRepository.open(tx), last: await ordersRepository.last(tx) }));
    for (const order of open) this.orders.set(order.id, order);
    this.last = last ?? null;
    this.timer = setInterval(() => void this.sweep().catch(() => undefined), this.o.sweepMs ?? Math.min(5000, this.o.readySeconds * 500));
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Called with every order that came, changed or closed. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  overview(): OrdersOverview {
    const orders = [...this.orders.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(view);
    return { orders, lastBumped: this.lastBumped, timing: this.o.timing };
  }

  /** The open order with this number (the guest shows their ticket at the counter). */
  find(number: number): OrderView {
    const order = [...this.orders.values()].find((o) => o.number === number);
    if (!order) throw new DomainError('not-found', `no open order number ${number}`);
    return view(order);
  }

  open(orderId: string): OrderRow {
    const order = this.orders.get(orderId);
    if (!order) throw new DomainError('not-found', `no open order "${orderId}"`);
    return order;
  }

  /** In a lane's commit: the visit becomes an order with the next free number. */
  place(input: PlaceOrder, now: string): OrderCommit {
    const day = localParts(new Date(now), this.o.timeZone).day;
    const taken = new Set([...[...this.orders.values()].map((o) => o.number), ...this.reserved]);
    const number = nextOrderNumber(this.last?.day === day ? this.last.number : null, taken, this.o.numbers);
    if (number === null) throw new DomainError('quantity-limit', 'every order number is in use; hand out or cancel some orders first');
    const paid = input.payment !== null;
    const order: OrderRow = {
      id: randomUUID(),
      number,
      day,
      laneId: input.laneId,
      visitId: input.visitId,
      status: paid ? 'preparing' : 'awaiting-payment',
      dining: input.dining,
      total: input.basket.totals.total,
      currency: input.basket.totals.currency,
      payment: input.payment,
      lines: orderLines(input.basket, input.lines),
      kitchen: kitchenItems(input.lines),
      createdAt: now,
      releasedAt: paid ? now : null,
      readyAt: null,
      closedAt: null,
    };
    this.reserved.add(number);
    return {
      order,
      statements: [ordersRepository.insert(order), ...(paid ? this.tickets(order) : [])],
      committed: () => {
        this.reserved.delete(number);
        this.last = { day, number };
        this.publish(order);
        if (paid) this.o.onReleased?.(order);
      },
      failed: () => this.reserved.delete(number),
    };
  }

  /** In a counter lane's commit: the order waiting for payment is paid and goes to the kitchen. */
  pay(orderId: string, payment: NonNullable<OrderView['payment']>, now: string): OrderCommit {
    const order = this.open(orderId);
    if (order.status !== 'awaiting-payment') throw new DomainError('not-allowed', `order ${order.number} is already paid`);
    const next: OrderRow = { ...order, status: 'preparing', payment, releasedAt: now };
    return {
      order: next,
      statements: [ordersRepository.update(next), ...this.tickets(next)],
      committed: () => {
        this.paying.delete(orderId);
        this.publish(next);
        this.o.onReleased?.(next);
      },
      failed: () => undefined,
    };
  }

  /** A counter lane took the order up to be paid there: nobody may cancel it meanwhile. */
  takenUp(orderId: string, laneId: string | null): void {
    if (laneId) this.paying.set(orderId, laneId);
    else this.paying.delete(orderId);
  }

  /** The order waiting for payment at the counter whose visit this is. */
  awaitingByVisit(visitId: string): OrderRow | undefined {
    return [...this.orders.values()].find((o) => o.visitId === visitId && o.status === 'awaiting-payment');
  }

  /** The kitchen made one item (`itemId`) or the whole order; once every item is made, the order is ready. */
  bump(orderId: string, itemId?: string): Promise<OrderView> {
    return this.change(orderId, (order, now) => {
      if (order.status === 'awaiting-payment') throw new DomainError('not-allowed', `order ${order.number} is not paid yet`);
      if (order.status !== 'preparing') return order;
      if (itemId !== undefined && !order.kitchen.some((k) => k.id === itemId)) throw new DomainError('not-found', `order ${order.number} has no item "${itemId}"`);
      const kitchen = order.kitchen.map((k) => (k.bumpedAt === null && (itemId === undefined || k.id === itemId) ? { ...k, bumpedAt: now } : k));
      const ready = kitchen.every((k) => k.bumpedAt !== null);
      return { ...order, kitchen, ...(ready ? { status: 'ready' as const, readyAt: now } : {}) };
    });
  }

  /** A bump by mistake: the order returns to the kitchen with what its last bump finished. */
  recall(orderId: string): Promise<OrderView> {
    return this.change(orderId, (order) => {
      if (order.status !== 'ready') throw new DomainError('not-allowed', `order ${order.number} is not ready`);
      const kitchen = order.kitchen.map((k) => (k.bumpedAt === order.readyAt ? { ...k, bumpedAt: null } : k));
      return { ...order, kitchen, status: 'preparing', readyAt: null };
    });
  }

  handOver(orderId: string): Promise<OrderView> {
    return this.change(orderId, (order, now) => {
      if (order.status !== 'ready') throw new DomainError('not-allowed', `order ${order.number} is not ready yet`);
      return { ...order, status: 'collected', closedAt: now };
    });
  }

  /** Only an order never paid can be cancelled; a paid one is refunded instead. */
  cancel(orderId: string): Promise<OrderView> {
    return this.change(orderId, (order, now) => {
      if (order.status !== 'awaiting-payment') throw new DomainError('not-allowed', `order ${order.number} is paid; it cannot be cancelled here`);
      if (this.paying.has(order.id)) throw new DomainError('not-allowed', `order ${order.number} is being paid at the counter; let go of it there first`);
      return { ...order, status: 'cancelled', closedAt: now };
    }, (order) => [{ sql: "UPDATE visits SET status = 'cancelled', ended_at = ? WHERE id = ? AND status = 'ordered'", params: [order.closedAt, order.visitId] }]);
  }

  /** Ready orders nobody handed out leave the board after the timeout. */
  private async sweep(): Promise<void> {
    const cutoff = this.o.clock.now().getTime() - this.o.readySeconds * 1000;
    for (const order of [...this.orders.values()]) {
      if (order.status === 'ready' && order.readyAt && Date.parse(order.readyAt) <= cutoff) {
        await this.change(order.id, (o, now) => (o.status === 'ready' ? { ...o, status: 'collected', closedAt: now } : o)).catch(() => undefined);
      }
    }
  }

  /** One change at a time: the order as it is now, the new one written, then everyone told. */
  private change(orderId: string, fn: (order: OrderRow, now: string) => OrderRow, more: (order: OrderRow) => Statement[] = () => []): Promise<OrderView> {
    const run = this.queue.then(async () => {
      const order = this.open(orderId);
      const next = fn(order, this.o.clock.now().toISOString());
      if (next !== order) {
        await this.o.db.write([ordersRepository.update(next), ...more(next)]);
        if (next.status === 'ready') this.lastBumped = next.id;
        else if (this.lastBumped === next.id) this.lastBumped = null;
        this.publish(next);
      }
      return view(next);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private tickets(order: OrderRow): Statement[] {
    return this.o.kitchenTickets?.(order) ?? [];
  }

  private publish(order: OrderRow): void {
    if (OPEN.has(order.status)) this.orders.set(order.id, order);
    else this.orders.delete(order.id);
    const v = view(order);
    for (const l of this.listeners) l(v);
  }
}

function orderLines(basket: LaneSnapshot, lines: LineRow[]): OrderLineView[] {
  const rows = new Map(lines.map((l) => [l.lineId, l]));
  return basket.lines.map((l) => {
    const menu = rows.get(l.lineId)?.menu;
    return { lineId: l.lineId, name: menu?.name ?? l.name, quantity: l.quantity, details: menu?.details ?? [], note: menu?.note ?? null, price: l.paidPrice };
  });
}

/** Each line's parts, one kitchen item each, routed to its station. */
function kitchenItems(lines: LineRow[]): KitchenItem[] {
  return lines.flatMap((l) =>
    (l.menu?.parts ?? []).map((p, i) => ({
      id: `${l.lineId}.${i + 1}`,
      lineId: l.lineId,
      station: p.station,
      name: p.name,
      quantity: l.quantity,
      combo: l.menu!.kind === 'combo' ? l.menu!.name : null,
      slot: p.slot,
      size: p.size,
      modifiers: p.modifiers,
      note: l.menu!.note,
      bumpedAt: null,
    })),
  );
}
