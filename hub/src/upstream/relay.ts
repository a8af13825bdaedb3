/**
 * The relay: delivers the outbox to the sink in order, at least once, batch by batch. It retries with
 * back-off for as long as it takes, survives restarts (the outbox is the state), and never holds up
 * selling: it only reads the outbox and marks a delivered batch in one statement.
 */
import type { Logger } from 'pino';
import type { UpstreamStatus } from '@selfserve/shared';
import type { Database } from '../storage/db.js';
import { outboxRepository as outbox } from '../storage/outbox.repository.js';
import type { Clock } from '../clock.js';
import type { Sink } from './sink.js';

export interface RelayOptions {
  db: Database;
  sink: Sink;
  clock: Clock;
  log: Logger;
  batchSize: number;
  /** Longest pause between attempts while the sink fails. */
  retryMaxMs: number;
  /** Delivered events are kept this long, then pruned. */
  keepDays: number;
}

/** What /healthz and the manager view show of the relay (the shared protocol's UpstreamStatus). */
export type RelayStatus = UpstreamStatus;

const IDLE_POLL_MS = 5000;
const FIRST_RETRY_MS = 250;

export class Relay {
  private running = false;
  private wakeUp: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private delivered = 0;
  private lastDeliveredAt: string | null = null;
  private lastError: string | null = null;
  private lastErrorAt: string | null = null;
  private failures = 0;
  private lastPrune = 0;

  constructor(private readonly o: RelayOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run().catch((err: unknown) => this.o.log.error({ err }, 'upstream relay stopped'));
  }

  /** New events were committed: deliver now instead of at the next poll. */
  wake(): void {
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await this.o.sink.close().catch(() => undefined);
  }

  async status(): Promise<RelayStatus> {
    const { count, oldest } = await this.o.db.tx((tx) => outbox.backlog(tx));
    return {
      sink: this.o.sink.name,
      backlog: count,
      oldestPending: oldest,
      delivered: this.delivered,
      lastDeliveredAt: this.lastDeliveredAt,
      lastError: this.lastError,
      lastErrorAt: this.lastErrorAt,
      failures: this.failures,
    };
  }

  private async run(): Promise<void> {
    while (this.running) {
      const batch = await this.o.db.tx((tx) => outbox.pending(tx, this.o.batchSize));
      if (batch.length === 0) {
        await this.prune();
        await this.pause(IDLE_POLL_MS);
        continue;
      }
      try {
        await this.o.sink.send(batch);
      } catch (err) {
        this.failures += 1;
        this.lastError = err instanceof Error ? err.message : String(err);
        this.lastErrorAt = this.o.clock.now().toISOString();
        const wait = Math.min(this.o.retryMaxMs, FIRST_RETRY_MS * 2 ** Math.min(this.failures - 1, 20));
        if (this.failures === 1 || this.failures % 20 === 0) this.o.log.warn({ err: this.lastError, sink: this.o.sink.name, failures: this.failures }, 'upstream delivery failed; retrying');
        await this.pause(wait * (0.75 + Math.random() * 0.5), false);
        continue;
      }
      const now = this.o.clock.now().toISOString();
      // Marked in one statement for the whole batch: a crash before it only means these are sent again.
      await this.o.db.write([outbox.delivered(batch.at(-1)!.seq, now)]);
      if (this.failures > 0) this.o.log.info({ sink: this.o.sink.name, after: this.failures }, 'upstream delivery works again');
      this.failures = 0;
      this.delivered += batch.length;
      this.lastDeliveredAt = now;
    }
  }

  /** Waits `ms`, or less when woken; a back-off (not wakeable) ends early only when the relay stops. */
  private pause(ms: number, wakeable = true): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = wakeable ? done : () => (this.running ? undefined : done());
    });
  }

  private async prune(): Promise<void> {
    const now = this.o.clock.now().getTime();
    if (now - this.lastPrune < 3_600_000) return;
    this.lastPrune = now;
    const before = new Date(now - this.o.keepDays * 86_400_000).toISOString();
    await this.o.db.write([outbox.prune(before)]);
  }
}
