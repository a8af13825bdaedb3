/** Works each print queue (a lane's, a kitchen station's, the back office's) in order: a printer problem is explained and retried, never undoes a sale. */
import type { Logger } from 'pino';
import type { Database } from '../../storage/db.js';
import { printJobsRepository as jobs } from '../../storage/print-jobs.repository.js';
import { PRINTER_MESSAGES, PrinterError, type ReceiptPrinter } from '../../devices/printer/index.js';
import type { LanesService } from '../lanes/lanes.service.js';
import type { Clock } from '../../clock.js';

export interface PrintingDeps {
  db: Database;
  lanes: LanesService;
  printers: (laneId: string) => ReceiptPrinter | null;
  clock: Clock;
  log: Logger;
  /** Pause before trying a failing printer again. */
  retryMs: number;
  /** Which queues belong to a lane, whose screens show its printer's trouble; other queues' trouble is logged. */
  isLane: (queue: string) => boolean;
}

export class PrintingService {
  private readonly draining = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly deps: PrintingDeps) {
    deps.lanes.onReceiptQueued((laneId) => this.kick(laneId));
  }

  /** Picks up receipts left in the queue by an earlier run. */
  async start(): Promise<void> {
    for (const laneId of await this.deps.db.tx((tx) => jobs.lanesWithQueue(tx))) this.kick(laneId);
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
  }

  /** Waits until every lane's queue has been worked through once (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.draining.size) await Promise.all(this.draining.values());
  }

  kick(laneId: string): void {
    if (this.stopped || !this.deps.printers(laneId)) return;
    if (this.draining.has(laneId)) {
      this.again.add(laneId);
      return;
    }
    const run = this.drain(laneId)
      .catch((err: unknown) => this.deps.log.error({ err, laneId }, 'print queue failed'))
      .finally(() => {
        this.draining.delete(laneId);
        if (this.again.delete(laneId)) this.kick(laneId);
      });
    this.draining.set(laneId, run);
  }

  private async drain(laneId: string): Promise<void> {
    const printer = this.deps.printers(laneId);
    for (;;) {
      const job = await this.deps.db.tx((tx) => jobs.next(tx, laneId));
      if (!job || !printer || this.stopped) return;
      try {
        await printer.print(job.document);
      } catch (err) {
        const reason = err instanceof PrinterError ? err.reason : 'unreachable';
        await this.deps.db.write([jobs.failed(job.id, (err as Error).message)]);
        const queued = await this.deps.db.tx((tx) => jobs.queuedCount(tx, laneId));
        // A kitchen station's printer is no lane: its trouble is logged (and its tickets wait).
        if (this.deps.isLane(laneId)) await this.deps.lanes.setPrinterProblem(laneId, { reason, message: PRINTER_MESSAGES[reason], queued });
        this.deps.log.warn({ laneId, saleId: job.saleId, reason }, 'receipt not printed; will try again');
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          this.kick(laneId);
        }, this.deps.retryMs);
        timer.unref();
        this.timers.add(timer);
        return;
      }
      await this.deps.db.write([jobs.printed(job.id, this.deps.clock.now().toISOString())]);
      if (this.deps.isLane(laneId)) await this.deps.lanes.setPrinterProblem(laneId, null);
    }
  }
}
