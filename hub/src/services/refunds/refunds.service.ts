/**
 * Returns: a supervisor finds the sale by its receipt code, picks what comes back, and the hub refunds
 * it to the card (a referenced reversal of the sale's own terminal transaction) or as cash handed over.
 * Each refund is journaled before the terminal hears of it, and completed with its slip, its event for
 * head office and its journal record in one commit. Refunds of one sale run one at a time.
 */
import { randomUUID } from 'node:crypto';
import {
  buildRefundSlip,
  DomainError,
  type DepositRules,
  type RefundMethod,
  type RefundQuote,
  type RefundResult,
  type ReturnableLine,
  type SaleForReturn,
} from '@selfserve/shared';
import type { Database, Statement } from '../../storage/db.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import { lanesRepository, type LineRow } from '../../storage/lanes.repository.js';
import { refundsRepository as repo, type PaidSale, type RefundRow } from '../../storage/refunds.repository.js';
import { printJobsRepository } from '../../storage/print-jobs.repository.js';
import { journalRepository } from '../../storage/journal.repository.js';
import { outboxInsert, type PendingEvent } from '../../upstream/envelope.js';
import { TerminalError, type PaymentTerminal } from '../../devices/payment/terminal.js';
import { newServiceId } from '../lanes/lane-checkout.js';
import { auditStatement } from '../staff/audit.service.js';
import { journalOf } from '../journal/entries.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import { refundFor, unitsOf } from './reprice.js';
import { lastFour } from '../printing/receipt.js';

export interface RefundsDeps {
  db: Database;
  clock: Clock;
  config: Config;
  catalog: CatalogService;
  deposits: DepositRules;
  terminals: (laneId: string) => PaymentTerminal | null;
  /** Where a refund slip prints: the requesting lane's printer queue, or the back office's; null: none. */
  slipQueue: (laneId: string | null) => string | null;
  /** After a commit: the relay, the journal's sealer and the printer are told. */
  committed: (printQueue: string | null) => void;
}

export interface RefundActor {
  staffId: string;
  deviceId: string;
  /** The lane whose staff menu asked (its printer prints the slip), or null at a station. */
  laneId: string | null;
}

interface SaleContext {
  sale: PaidSale;
  rows: Map<string, LineRow>;
  refunds: RefundRow[];
}

export class RefundsService {
  private lastNumber = 0;
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly d: RefundsDeps) {}

  /** Refunds left pending by a stop: their terminal answer is unknown, so staff must check the terminal. */
  async start(): Promise<void> {
    const now = this.d.clock.now().toISOString();
    await this.d.db.tx(async (tx) => {
      this.lastNumber = await repo.lastNumber(tx);
      const pending = await repo.pending(tx);
      for (const id of pending) await tx.run("UPDATE refunds SET state = 'unknown', result = ?, completed_at = ? WHERE id = ?", [JSON.stringify({ reason: 'the hub stopped before the terminal answered: check the terminal' }), now, id]);
    });
  }

  async find(code: string): Promise<SaleForReturn> {
    const ctx = await this.load(code.replace(/^\][A-Za-z]\d/, '').trim());
    const returned = returnedByLine(ctx.refunds);
    const depositOf = new Map(ctx.sale.basket.lines.filter((l) => l.depositFor).map((l) => [l.depositFor!, l.paidPrice]));
    const lines: ReturnableLine[] = ctx.sale.basket.lines
      .filter((l) => !l.depositFor && !l.voucher)
      .map((l) => {
        const units = unitsOf(l, ctx.rows.get(l.lineId));
        const before = returned.get(l.lineId) ?? 0;
        const deposit = depositOf.get(l.lineId) ?? 0;
        return { lineId: l.lineId, name: l.name, quantity: units, weightGrams: l.weightGrams ?? null, paidPrice: l.paidPrice, returned: before, returnable: Math.max(0, units - before), depositPerUnit: Math.round(deposit / units) };
      });
    const { sale } = ctx;
    return {
      saleId: sale.id,
      number: sale.number,
      laneId: sale.laneId,
      paidAt: sale.paidAt,
      total: sale.total,
      currency: sale.currency,
      payment: { method: sale.card ? 'card' : 'cash', brand: sale.card?.brand ?? null, last4: lastFour(sale.card?.maskedPan ?? null)?.slice(-4) ?? null },
      lines,
      refunds: ctx.refunds.map((r) => ({ refundId: r.id, number: r.number, amount: r.amount, method: r.method, at: r.createdAt, state: r.state })),
    };
  }

  async quote(saleId: string, lines: Array<{ lineId: string; quantity: number }>): Promise<RefundQuote> {
    const ctx = await this.load(saleId);
    return { saleId, lines, ...this.price(ctx, lines), currency: ctx.sale.currency };
  }

  /** Once per key: a replay answers with the refund it made. */
  refund(p: { key: string; saleId: string; lines: Array<{ lineId: string; quantity: number }>; method: RefundMethod }, actor: RefundActor): Promise<RefundResult> {
    return this.exclusive(p.saleId, async () => {
      const ctx = await this.load(p.saleId);
      const done = ctx.refunds.find((r) => r.id === p.key);
      if (done) return result(done);
      const { amount, deposit } = this.price(ctx, p.lines);
      if (amount <= 0) throw new DomainError('not-allowed', 'nothing to refund: the sale re-priced without these items costs what was paid');
      if (p.method === 'card' && !ctx.sale.card) throw new DomainError('not-allowed', 'this sale was paid in cash: refund it in cash');
      const now = this.d.clock.now().toISOString();
      const row: RefundRow = { id: p.key, number: ++this.lastNumber, saleId: ctx.sale.id, laneId: ctx.sale.laneId, method: p.method, amount, lines: p.lines, state: 'pending', reason: null, staffId: actor.staffId, createdAt: now };
      if (p.method === 'cash') return this.complete(ctx, row, deposit, { method: 'cash' }, actor, [repo.insert({ ...row, serviceId: null })]);
      return this.toCard(ctx, row, deposit, actor);
    });
  }

  private async toCard(ctx: SaleContext, row: RefundRow, deposit: number, actor: RefundActor): Promise<RefundResult> {
    const terminal = this.d.terminals(ctx.sale.laneId);
    if (!terminal) throw new DomainError('not-allowed', `the terminal of lane ${ctx.sale.laneId} is not configured: refund in cash`);
    const serviceId = newServiceId();
    // Journaled before the terminal hears of it: a stop in between leaves it 'unknown' for staff to check.
    await this.d.db.write([repo.insert({ ...row, serviceId }), this.audit(row, actor, 'refund-started')], { durable: true });
    const card = ctx.sale.card!;
    try {
      const r = await terminal.reverse({ saleId: ctx.sale.id, serviceId, poiTransactionId: card.poiTransactionId, poiTimestamp: card.poiTimestamp, amount: row.amount, currency: ctx.sale.currency });
      if (r.state === 'approved') return this.complete(ctx, row, deposit, r, actor, []);
      return this.settleFailed(row, 'failed', r.reason ?? r.state, r);
    } catch (err) {
      if (!(err instanceof TerminalError)) throw err;
      const notStarted = err.reason === 'unreachable' || err.reason === 'busy';
      const reason = err.reason === 'busy' ? 'the terminal is busy: try again' : notStarted ? 'the terminal cannot be reached' : 'the terminal did not answer: check it before refunding again';
      return this.settleFailed(row, notStarted ? 'failed' : 'unknown', reason, { error: err.message });
    }
  }

  private async complete(ctx: SaleContext, row: RefundRow, deposit: number, outcome: unknown, actor: RefundActor, first: Statement[]): Promise<RefundResult> {
    const now = this.d.clock.now().toISOString();
    const done: RefundRow = { ...row, state: 'completed' };
    const event: PendingEvent<'refund.completed.v1'> = {
      type: 'refund.completed.v1',
      subject: row.id,
      data: {
        refundId: row.id, number: row.number, saleId: row.saleId, laneId: row.laneId, method: row.method, currency: ctx.sale.currency, amount: row.amount, deposit,
        lines: row.lines.map((l) => ({ lineId: l.lineId, productId: ctx.rows.get(l.lineId)?.product.id ?? l.lineId, quantity: l.quantity })),
        staffId: actor.staffId, completedAt: now,
      },
    };
    const queue = this.d.slipQueue(actor.laneId);
    const slip = queue ? this.slip(ctx, done, deposit, now, outcome) : null;
    await this.d.db.write(
      [
        ...first,
        repo.settle(row.id, 'completed', outcome, now),
        outboxInsert(event, this.d.config.store.id, now),
        ...journalOf(event, row.laneId).map((j) => journalRepository.append({ ...j, staffId: actor.staffId }, now)),
        this.audit(done, actor, 'refund-completed'),
        ...(slip && queue ? [printJobsRepository.enqueue(queue, row.id, slip, now)] : []),
      ],
      { durable: true },
    );
    this.d.committed(slip ? queue : null);
    return result(done);
  }

  private async settleFailed(row: RefundRow, state: 'failed' | 'unknown', reason: string, detail: unknown): Promise<RefundResult> {
    await this.d.db.write([repo.settle(row.id, state, { reason, detail }, this.d.clock.now().toISOString())], { durable: true });
    return result({ ...row, state, reason });
  }

  private price(ctx: SaleContext, lines: Array<{ lineId: string; quantity: number }>): { amount: number; deposit: number } {
    const returned = returnedByLine(ctx.refunds);
    const goods = new Map(ctx.sale.basket.lines.filter((l) => !l.depositFor && !l.voucher).map((l) => [l.lineId, l]));
    for (const l of lines) {
      const line = goods.get(l.lineId);
      if (!line) throw new DomainError('not-found', `sale ${ctx.sale.number} has no line "${l.lineId}"`);
      const left = unitsOf(line, ctx.rows.get(l.lineId)) - (returned.get(l.lineId) ?? 0);
      if (l.quantity > left) throw new DomainError('not-allowed', left === 0 ? `${line.name.da} has already been returned` : `only ${left} of ${line.name.da} can still be returned`, { lineId: l.lineId });
    }
    const campaigns = new Set(ctx.sale.basket.adjustments.map((a) => a.campaignId));
    const memberId = ctx.sale.basket.member?.id;
    return refundFor({
      basket: ctx.sale.basket,
      rows: ctx.rows,
      promotions: this.d.catalog.promotions.filter((p) => campaigns.has(p.id)),
      member: memberId ? (this.d.catalog.member(memberId) ?? null) : null,
      paidAt: ctx.sale.paidAt,
      deposits: this.d.deposits,
      returnedBefore: returned,
      refundedBefore: ctx.refunds.filter((r) => r.state !== 'failed').reduce((s, r) => s + r.amount, 0),
      returning: new Map(lines.map((l) => [l.lineId, l.quantity])),
    });
  }

  private async load(code: string): Promise<SaleContext> {
    return this.d.db.tx(async (tx) => {
      const sale = await repo.paidSale(tx, code);
      if (!sale) throw new DomainError('not-found', 'no paid sale has this receipt code');
      const rows = new Map((await lanesRepository.lines(tx, sale.visitId)).map((l) => [l.lineId, l]));
      return { sale, rows, refunds: await repo.ofSale(tx, sale.id) };
    });
  }

  private slip(ctx: SaleContext, row: RefundRow, deposit: number, now: string, outcome: unknown) {
    const { store } = this.d.config;
    const names = new Map(ctx.sale.basket.lines.map((l) => [l.lineId, l.name]));
    const masked = (outcome as { maskedPan?: string | null }).maskedPan ?? ctx.sale.card?.maskedPan ?? null;
    const card = lastFour(masked);
    return buildRefundSlip({
      store: { name: store.name, address: store.address, cvr: store.cvr },
      refundNumber: row.number, saleId: row.saleId, saleNumber: ctx.sale.number, time: now, timeZone: store.timeZone,
      locale: store.locale === 'da-DK' ? 'da-DK' : 'en-GB', currency: ctx.sale.currency,
      lines: row.lines.map((l) => ({ name: names.get(l.lineId) ?? { da: l.lineId }, quantity: l.quantity })),
      amount: row.amount, deposit, method: row.method, ...(card ? { card } : {}),
    });
  }

  private audit(row: RefundRow, actor: RefundActor, action: string): Statement {
    return auditStatement(this.d.clock.now().toISOString(), { actor: actor.staffId, action, laneId: row.laneId, deviceId: actor.deviceId, outcome: row.state, detail: { refundId: row.id, number: row.number, saleId: row.saleId, amount: row.amount, method: row.method, lines: row.lines } });
  }

  private exclusive<T>(saleId: string, fn: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(saleId) ?? Promise.resolve()).then(fn, fn);
    const tail = run.catch(() => undefined);
    this.queues.set(saleId, tail);
    void tail.then(() => {
      if (this.queues.get(saleId) === tail) this.queues.delete(saleId);
    });
    return run;
  }
}

/** Units taken back per line by refunds that may have paid out (a refused one took nothing back). */
function returnedByLine(refunds: RefundRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of refunds) if (r.state !== 'failed') for (const l of r.lines) out.set(l.lineId, (out.get(l.lineId) ?? 0) + l.quantity);
  return out;
}

const result = (r: RefundRow): RefundResult => ({ refundId: r.id, number: r.number, saleId: r.saleId, amount: r.amount, method: r.method, state: r.state, reason: r.reason });
