/**
 * How a lane changes: one change at a time, each request once per idempotency key, the new state
 * priced and committed with its record, its audit and its events for head office, then broadcast.
 */
import { createHash } from 'node:crypto';
import { DomainError, type Ack, type LaneSnapshot } from '@selfserve/shared';
import type { Database, Statement, Tx } from '../../storage/db.js';
import { lanesRepository as repo, type LaneRow } from '../../storage/lanes.repository.js';
import type { Clock } from '../../clock.js';
import { outboxInsert } from '../../upstream/envelope.js';
import { journalRepository } from '../../storage/journal.repository.js';
import { journalOf } from '../journal/entries.js';
import { LaneBook, type Draft, type LaneState, type Pricer } from './lane-book.js';

export interface LaneCommitsOptions {
  db: Database;
  clock: Clock;
  /** The store id, the source of the events a change writes. */
  storeId: string;
  /** How long a replayed request key still gets its original answer. */
  idempotencyHours: number;
  price: Pricer;
  /** Runs when a lane is loaded, before it is priced. */
  restore?: (tx: Tx, lane: LaneRow) => Promise<void>;
  /** Runs on every draft before it is priced (e.g. to keep the age check in step with the basket). */
  beforeSettle?: (d: Draft) => void;
  /** Called after a commit that wrote events to the outbox. */
  onEvents?: () => void;
  /** Called after a commit that wrote records to the electronic journal (to seal them). */
  onJournal?: () => void;
}

type Listener = (snapshot: LaneSnapshot) => void;

export class LaneCommits {
  readonly book: LaneBook;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly o: LaneCommitsOptions) {
    this.book = new LaneBook(o.db, o.price, () => this.ackCutoff(), o.restore);
  }

  /** Called with every new snapshot, for the transport to broadcast. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A change the hub makes by itself (no request key), e.g. a payment's outcome. */
  change(laneId: string, fn: (d: Draft) => void): Promise<LaneSnapshot> {
    return this.book.exclusive(laneId, async (state) => {
      const d = this.book.draft(state, this.o.clock.now().toISOString());
      fn(d);
      const next = this.settle(state, d);
      await this.persist(next, d, []);
      return next.snapshot;
    });
  }

  /**
   * Runs one request exactly once per idempotency key: a replay gets the stored answer (a failure
   * too), a reused key with another payload is a conflict. A domain failure changes nothing else.
   * The answer is given only after the change and its record are committed together.
   */
  request<R, T>(laneId: string, key: string, event: string, payload: unknown, answer: (result: R, snapshot: LaneSnapshot) => T, body: (d: Draft) => R): Promise<T> {
    const fingerprint = createHash('sha256').update(event).update(JSON.stringify(payload)).digest('base64url');
    return this.book.exclusive(laneId, async (state) => {
      const stored = state.acks.get(key);
      if (stored && stored.fingerprint !== fingerprint) throw new DomainError('conflict', 'this request key was already used for another request');
      let ack = stored ? (JSON.parse(stored.ack) as Ack<T>) : undefined;
      if (!ack) {
        const d = this.book.draft(state, this.o.clock.now().toISOString());
        let next: LaneState | null = null;
        try {
          const result = body(d);
          next = this.settle(state, d);
          ack = { ok: true, data: answer(result, next.snapshot) };
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          ack = { ok: false, error: { code: err.code, message: err.message, ...(err.detail ? { detail: err.detail } : {}) } };
        }
        const json = JSON.stringify(ack);
        const record = repo.storeAck(laneId, key, fingerprint, json, d.now);
        if (next) await this.persist(next, d, [record]);
        else await this.o.db.write([record]);
        state.acks.set(key, { fingerprint, ack: json, at: d.now });
      }
      if (!ack.ok) throw new DomainError(ack.error.code, ack.error.message, ack.error.detail);
      return ack.data;
    });
  }

  /** Forgets answers to requests older than the retention window. */
  async pruneAcks(): Promise<number> {
    const cutoff = this.ackCutoff();
    await this.book.forgetAcks(cutoff);
    return this.o.db.tx((tx) => repo.pruneAcks(tx, cutoff));
  }

  /** The lane a draft leads to: a new version, priced, with the statement that saves it. */
  private settle(state: LaneState, d: Draft): LaneState {
    this.o.beforeSettle?.(d);
    d.lane = { ...d.lane, version: state.lane.version + 1, updatedAt: d.now };
    d.writes.push(repo.saveLane(d.lane));
    return this.book.settle(state, d);
  }

  /**
   * Commits the draft's statements, its events as outbox inserts and `more`, in one commit; then makes
   * `next` the lane's state and broadcasts its snapshot.
   */
  private async persist(next: LaneState, d: Draft, more: Statement[]): Promise<void> {
    const events = d.events.map((e) => outboxInsert(e, this.o.storeId, d.now));
    const journal = [...d.events.flatMap((e) => journalOf(e, d.lane.id)), ...d.journal].map((j) => journalRepository.append(j, d.now));
    // Money (a sale, a payment) is committed durably; a journal record rides its change's own commit (a
    // power cut can lose the last few commits whole, numbers and all, never leave a gap in the chain).
    await this.o.db.write([...d.writes, ...events, ...journal, ...more], { durable: d.durable });
    this.book.commit(next);
    for (const l of this.listeners) l(next.snapshot);
    if (events.length > 0) this.o.onEvents?.();
    if (journal.length > 0) this.o.onJournal?.();
  }

  private ackCutoff(): string {
    return new Date(this.o.clock.now().getTime() - this.o.idempotencyHours * 3_600_000).toISOString();
  }
}
