/** Each lane's state in memory: loaded once from the database, then changed by one request at a time. */
import { DomainError, transition, type LaneEvent, type LaneSnapshot } from '@selfserve/shared';
import type { Database, Statement, Tx } from '../../storage/db.js';
import type { PendingEvent } from '../../upstream/envelope.js';
import type { JournalEntry } from '../../storage/journal.repository.js';
import { lanesRepository as repo, type LaneRow, type LineRow, type VisitRow } from '../../storage/lanes.repository.js';

export interface RememberedAck {
  fingerprint: string;
  /** The answer as JSON: one string per request is far cheaper to keep than its object graph. */
  ack: string;
  at: string;
}

export interface LaneState {
  lane: LaneRow;
  visit: VisitRow | null;
  lines: LineRow[];
  /** Highest line number used in the visit. */
  seq: number;
  /** Answers given, by idempotency key, within the retention window. */
  acks: Map<string, RememberedAck>;
  snapshot: LaneSnapshot;
}

/** A request's working copy of a lane, with the statements that will persist it. */
export interface Draft {
  lane: LaneRow;
  visit: VisitRow | null;
  lines: LineRow[];
  seq: number;
  now: string;
  writes: Statement[];
  /** The lane's snapshot before this change. */
  snapshot: LaneSnapshot;
  /** Money is being recorded: commit with synchronous=FULL. */
  durable: boolean;
  /** Events for head office, written to the outbox in the same commit. */
  events: PendingEvent[];
  /** Records for the electronic journal beyond those the events make (lane opened, price set). */
  journal: JournalEntry[];
}

/** Moves the draft's lane by one event of the state machine, or throws its refusal. */
export function move(d: Draft, event: LaneEvent): void {
  const r = transition({ status: d.lane.status, interventions: d.lane.interventions }, event);
  if (!r.ok) throw new DomainError(r.reason, r.message);
  d.lane.status = r.state.status;
  d.lane.interventions = r.state.interventions;
}

export type Pricer = (lane: LaneRow, visit: VisitRow | null, lines: LineRow[]) => LaneSnapshot;

export class LaneBook {
  private readonly states = new Map<string, Promise<LaneState>>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly db: Database,
    private readonly price: Pricer,
    private readonly ackSince: () => string,
    /** Runs when a lane is loaded, before it is priced (e.g. to find the basket of a payment in flight). */
    private readonly restore: (tx: Tx, lane: LaneRow) => Promise<void> = async () => undefined,
  ) {}

  /** The lane's committed state, loading it on first use. */
  get(laneId: string): Promise<LaneState> {
    let state = this.states.get(laneId);
    if (!state) {
      state = this.load(laneId);
      this.states.set(laneId, state);
      state.catch(() => this.states.delete(laneId));
    }
    return state;
  }

  /** Runs `fn` with the lane to itself: requests on one lane never interleave; other lanes go on. */
  exclusive<T>(laneId: string, fn: (state: LaneState) => Promise<T>): Promise<T> {
    const previous = this.queues.get(laneId) ?? Promise.resolve();
    const result = previous.then(() => this.get(laneId)).then(fn);
    const tail = result.catch(() => undefined);
    this.queues.set(laneId, tail);
    void tail.then(() => {
      if (this.queues.get(laneId) === tail) this.queues.delete(laneId);
    });
    return result;
  }

  /** Replaces the lane's state after its changes were committed. */
  commit(state: LaneState): void {
    this.states.set(state.lane.id, Promise.resolve(state));
  }

  draft(state: LaneState, now: string): Draft {
    return {
      lane: { ...state.lane, interventions: [...state.lane.interventions], payment: state.lane.payment ? { ...state.lane.payment } : null },
      visit: state.visit ? { ...state.visit, coupons: [...state.visit.coupons], ageChecks: [...state.visit.ageChecks] } : null,
      lines: [...state.lines], // lines are replaced, never changed in place, so they can be shared
      seq: state.seq,
      now,
      writes: [],
      snapshot: state.snapshot,
      durable: false,
      events: [],
      journal: [],
    };
  }

  /** The state a successful draft leads to, priced. */
  settle(state: LaneState, d: Draft): LaneState {
    return { ...state, lane: d.lane, visit: d.visit, lines: d.lines, seq: d.seq, snapshot: this.price(d.lane, d.visit, d.lines) };
  }

  loadedLaneIds(): string[] {
    return [...this.states.keys()];
  }

  /** Forgets remembered answers older than `since` (the database is pruned by the caller). */
  async forgetAcks(since: string): Promise<void> {
    for (const state of this.states.values()) {
      const s = await state.catch(() => null);
      if (!s) continue;
      for (const [key, a] of s.acks) if (a.at < since) s.acks.delete(key);
    }
  }

  private load(laneId: string): Promise<LaneState> {
    return this.db.tx(async (tx) => {
      const lane = await repo.lane(tx, laneId);
      if (!lane) throw new DomainError('not-found', `no lane "${laneId}"`);
      const visit = lane.visitId ? ((await repo.visit(tx, lane.visitId)) ?? null) : null;
      const lines = visit ? await repo.lines(tx, visit.id) : [];
      const seq = visit ? await repo.maxSeq(tx, visit.id) : 0;
      const stored = await repo.acks(tx, laneId, this.ackSince());
      const acks = new Map(stored.map((a) => [a.key, { fingerprint: a.fingerprint, ack: a.ack, at: a.at }]));
      await this.restore(tx, lane);
      return { lane, visit, lines, seq, acks, snapshot: this.price(lane, visit, lines) };
    });
  }
}
