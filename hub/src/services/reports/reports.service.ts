/**
 * X and Z reports, per lane and for the store, summed from the electronic journal since the scope's
 * last Z. A Z report closes the period: numbered, once per local day per scope, written to the journal
 * itself, printed at the back office. The store's Z asks each lane's terminal for its totals (closing the
 * terminal's period too) and sets them beside ours, flagging any difference.
 */
import { randomUUID } from 'node:crypto';
import { DomainError, type DayReport, type TerminalComparison, type ZReportSummary } from '@selfserve/shared';
import type { Database } from '../../storage/db.js';
import type { Clock } from '../../clock.js';
import { journalRepository } from '../../storage/journal.repository.js';
import { printJobsRepository } from '../../storage/print-jobs.repository.js';
import { reportsRepository as repo, scopeOf } from '../../storage/reports.repository.js';
import type { PaymentTerminal } from '../../devices/payment/terminal.js';
import { newServiceId } from '../lanes/lane-checkout.js';
import type { JournalService } from '../journal/journal.service.js';
import { localParts } from '../insights/local-time.js';
import { cardFiguresOf, sumJournal } from './sum.js';
import { reportDocument } from './report-doc.js';

export interface ReportsDeps {
  db: Database;
  clock: Clock;
  journal: JournalService;
  timeZone: string;
  storeId: string;
  laneIds: () => string[];
  terminals: (laneId: string) => PaymentTerminal | null;
  /** The back office's print queue, or null without a printer there. */
  printQueue: string | null;
  printed: (queue: string) => void;
  width: number;
}

export class ReportsService {
  private closing: Promise<unknown> = Promise.resolve();

  constructor(private readonly d: ReportsDeps) {}

  /** So far: everything since the scope's last Z, nothing closed. */
  x(laneId: string | null, by: string | null): Promise<DayReport> {
    return this.build('X', laneId, by, false);
  }

  /** Closes the scope's period; refused when the scope already has a Z today. Z reports run one at a time. */
  z(laneId: string | null, by: string | null): Promise<DayReport> {
    const run = this.closing.then(async () => {
      const day = this.today();
      const existing = await this.d.db.tx((tx) => repo.ofDay(tx, scopeOf(laneId), day));
      if (existing) throw new DomainError('not-allowed', `${laneId ? `lane ${laneId}` : 'the store'} already has its Z report for ${day} (number ${existing.number})`);
      const report = await this.build('Z', laneId, by, true);
      const now = report.createdAt;
      await this.d.db.write(
        [
          repo.insert(randomUUID(), report),
          journalRepository.append({ type: 'z-report', laneId, staffId: by, data: { number: report.number, day: report.day, sales: report.sales.amount, refunds: report.refunds.amount, net: report.net, lastSeq: report.journal.lastSeq } }, now),
          ...(this.d.printQueue ? [printJobsRepository.enqueue(this.d.printQueue, `Z-${scopeOf(laneId)}-${report.number}`, reportDocument(report, this.d.timeZone, this.d.width), now)] : []),
        ],
        { durable: true },
      );
      await this.d.journal.seal();
      if (this.d.printQueue) this.d.printed(this.d.printQueue);
      return report;
    });
    this.closing = run.catch(() => undefined);
    return run;
  }

  list(): Promise<{ reports: ZReportSummary[] }> {
    return this.d.db.tx(async (tx) => ({ reports: await repo.recent(tx, 60) }));
  }

  private async build(kind: 'X' | 'Z', laneId: string | null, by: string | null, reconcile: boolean): Promise<DayReport> {
    if (laneId !== null && !this.d.laneIds().includes(laneId)) throw new DomainError('not-found', `no lane "${laneId}"`);
    await this.d.journal.seal();
    const { last, records } = await this.d.db.tx(async (tx) => {
      const last = await repo.last(tx, scopeOf(laneId));
      const upTo = await journalRepository.lastSeq(tx);
      const records = (await journalRepository.after(tx, last?.lastSeq ?? 0, laneId)).filter((r) => r.seq <= upTo && r.type !== 'z-report');
      return { last, records };
    });
    const now = this.d.clock.now().toISOString();
    const terminals = laneId === null ? await this.compare(records, reconcile) : [];
    return {
      kind,
      number: kind === 'Z' ? (last?.number ?? 0) + 1 : null,
      laneId,
      day: this.today(),
      from: last?.createdAt ?? null,
      to: now,
      ...sumJournal(records),
      terminals,
      createdAt: now,
      createdBy: by,
    };
  }

  /** Each lane's terminal totals beside ours; only a Z asks the terminals (their reconciliation closes their period too). */
  private async compare(records: Parameters<typeof cardFiguresOf>[0], reconcile: boolean): Promise<TerminalComparison[]> {
    const out: TerminalComparison[] = [];
    for (const laneId of this.d.laneIds()) {
      const terminal = this.d.terminals(laneId);
      if (!terminal) continue;
      const ours = cardFiguresOf(records, laneId);
      if (!reconcile) {
        out.push({ laneId, ours, terminal: null, error: "the terminal's totals are taken with the store's Z report", difference: null });
        continue;
      }
      try {
        const t = await terminal.totals({ saleId: `${this.d.storeId}-Z`, serviceId: newServiceId() });
        const theirs = { payments: t.payments, reversals: t.reversals };
        const difference = theirs.payments.amount - theirs.reversals.amount - (ours.payments.amount - ours.reversals.amount);
        out.push({ laneId, ours, terminal: theirs, error: null, difference });
      } catch (err) {
        out.push({ laneId, ours, terminal: null, error: `the terminal could not be asked: ${(err as Error).message}`, difference: null });
      }
    }
    return out;
  }

  private today(): string {
    return localParts(this.d.clock.now(), this.d.timeZone).day;
  }
}
