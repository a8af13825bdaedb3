/** A shopper's basket at a lane: scan, change, remove, cancel; each request once, each change a new snapshot. */
import { createHash, randomUUID } from 'node:crypto';
import {
  DomainError,
  transition,
  type Ack,
  type LaneEvent,
  type LaneScanPayload,
  type LaneSnapshot,
  type ParseOptions,
  type ScanResult,
} from '@selfserve/shared';
import type { Database, Tx } from '../../storage/db.js';
import type { LaneRow, LanesRepository, LineRow, VisitRow } from '../../storage/lanes.repository.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import type { Clock } from '../../clock.js';
import { buildSnapshot, type SnapshotContext } from './snapshot.js';
import { resolveCode } from './resolve-code.js';

export interface LaneLimits {
  maxLineQuantity: number;
  maxLines: number;
}

export interface LanesDeps {
  db: Database;
  repo: LanesRepository;
  catalog: CatalogService;
  clock: Clock;
  limits: LaneLimits;
  parseOptions: ParseOptions;
  snapshotContext: () => Omit<SnapshotContext, 'now'>;
}

interface Work {
  tx: Tx;
  lane: LaneRow;
  visit: VisitRow | null;
  lines: LineRow[];
  now: string;
}

type Listener = (snapshot: LaneSnapshot) => void;

export class LanesService {
  private readonly snapshots = new Map<string, LaneSnapshot>();
  private readonly listeners = new Set<Listener>();

  constructor(private readonly deps: LanesDeps) {}

  /** Called with every new snapshot, for the transport to broadcast. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async snapshot(laneId: string): Promise<LaneSnapshot> {
    const cached = this.snapshots.get(laneId);
    if (cached) return cached;
    return this.deps.db.tx((tx) => this.load(tx, laneId));
  }

  /** Re-prices every lane, e.g. after a catalog import changed the promotions. */
  async refreshAll(): Promise<void> {
    const ids = await this.deps.db.tx((tx) => this.deps.repo.ids(tx));
    this.snapshots.clear();
    for (const id of ids) this.emit(await this.snapshot(id));
  }

  async scan(laneId: string, p: LaneScanPayload): Promise<ScanResult> {
    const { code, quantity, weightGrams } = p;
    const data = await this.mutate<Omit<ScanResult, 'snapshot'>>(laneId, p.key, 'lane:scan', p, async (w) => {
      const r = resolveCode({ code, quantity, weightGrams }, this.deps.catalog, this.deps.parseOptions);
      await this.move(w, { type: 'scan' });
      const visit = await this.ensureVisit(w);
      if (r.type === 'member') {
        await this.deps.repo.updateVisit(w.tx, { ...visit, member: r.member });
        return { added: 'member', lineId: null };
      }
      if (r.type === 'coupon') {
        if (!visit.coupons.includes(r.code)) await this.deps.repo.updateVisit(w.tx, { ...visit, coupons: [...visit.coupons, r.code] });
        return { added: 'coupon', lineId: null };
      }
      const mergeable = r.product.unit === 'each' && r.labelPrice === null;
      const same = mergeable ? w.lines.find((l) => l.product.id === r.product.id && l.labelPrice === null && l.code === code.trim()) : undefined;
      if (same) {
        await this.setLineQuantity(w, visit, same, same.quantity + r.quantity);
        return { added: 'line', lineId: same.lineId };
      }
      if (w.lines.length >= this.deps.limits.maxLines) throw new DomainError('quantity-limit', `a basket holds at most ${this.deps.limits.maxLines} lines`);
      this.checkQuantity(r.quantity);
      const seq = await this.deps.repo.nextSeq(w.tx, visit.id);
      const line: LineRow = {
        lineId: `L${seq}`, seq, product: r.product, code: code.trim(), quantity: r.quantity,
        weightGrams: r.weightGrams, labelPrice: r.labelPrice, source: p.source ?? null, addedAt: w.now,
      };
      await this.deps.repo.insertLine(w.tx, visit.id, line);
      return { added: 'line', lineId: line.lineId };
    });
    return { ...data, snapshot: await this.snapshot(laneId) };
  }

  async setQuantity(laneId: string, p: { key: string; lineId: string; quantity: number }): Promise<LaneSnapshot> {
    await this.mutate(laneId, p.key, 'lane:setQuantity', p, async (w) => {
      const line = this.line(w, p.lineId);
      if (line.product.unit === 'kg' || line.labelPrice !== null) throw new DomainError('not-allowed', 'a weighed or labelled line has no quantity to change');
      await this.move(w, { type: 'scan' });
      await this.setLineQuantity(w, w.visit!, line, p.quantity);
      return null;
    });
    return this.snapshot(laneId);
  }

  async removeLine(laneId: string, p: { key: string; lineId: string }): Promise<LaneSnapshot> {
    await this.mutate(laneId, p.key, 'lane:removeLine', p, async (w) => {
      this.line(w, p.lineId);
      await this.move(w, { type: 'scan' });
      await this.deps.repo.removeLine(w.tx, w.visit!.id, p.lineId, w.now);
      return null;
    });
    return this.snapshot(laneId);
  }

  /** The shopper gives up: the visit is kept as cancelled, and the lane waits for the next shopper. */
  async cancel(laneId: string, p: { key: string }): Promise<LaneSnapshot> {
    await this.mutate(laneId, p.key, 'lane:cancel', p, async (w) => {
      await this.move(w, { type: 'cancel' });
      if (w.visit) await this.deps.repo.updateVisit(w.tx, { ...w.visit, status: 'cancelled' }, w.now);
      await this.move(w, { type: 'next-shopper' });
      w.lane.visitId = null;
      return null;
    });
    return this.snapshot(laneId);
  }

  /** Forgets answers to requests older than `hours`. */
  pruneAcks(hours: number): Promise<number> {
    const before = new Date(this.deps.clock.now().getTime() - hours * 3_600_000).toISOString();
    return this.deps.db.tx((tx) => this.deps.repo.pruneAcks(tx, before));
  }

  /**
   * Runs one request exactly once per idempotency key: a replay gets the stored answer (a failure
   * too), a reused key with another payload is a conflict. A domain failure changes nothing else.
   */
  private async mutate<T>(laneId: string, key: string, event: string, payload: unknown, body: (w: Work) => Promise<T>): Promise<T> {
    const fingerprint = createHash('sha256').update(event).update(JSON.stringify(payload)).digest('base64url');
    const outcome = await this.deps.db.tx(async (tx) => {
      const stored = await this.deps.repo.storedAck(tx, laneId, key);
      if (stored) {
        if (stored.fingerprint !== fingerprint) throw new DomainError('conflict', 'this request key was already used for another request');
        return { ack: JSON.parse(stored.ack) as Ack<T>, changed: null };
      }
      const lane = await this.lane(tx, laneId);
      const visit = lane.visitId ? ((await this.deps.repo.visit(tx, lane.visitId)) ?? null) : null;
      const now = this.deps.clock.now().toISOString();
      const w: Work = { tx, lane, visit, lines: visit ? await this.deps.repo.lines(tx, visit.id) : [], now };
      let ack: Ack<T>;
      await tx.run('SAVEPOINT request');
      try {
        ack = { ok: true, data: await body(w) };
        await this.deps.repo.saveLane(tx, { ...w.lane, version: lane.version + 1, updatedAt: now });
        await tx.run('RELEASE request');
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        await tx.run('ROLLBACK TO request');
        await tx.run('RELEASE request');
        ack = { ok: false, error: { code: err.code, message: err.message, ...(err.detail ? { detail: err.detail } : {}) } };
      }
      await this.deps.repo.storeAck(tx, laneId, key, fingerprint, ack, now);
      return { ack, changed: ack.ok ? await this.load(tx, laneId) : null };
    });
    if (outcome.changed) this.emit(outcome.changed);
    if (!outcome.ack.ok) throw new DomainError(outcome.ack.error.code, outcome.ack.error.message, outcome.ack.error.detail);
    return outcome.ack.data;
  }

  private async lane(tx: Tx, laneId: string): Promise<LaneRow> {
    const lane = await this.deps.repo.lane(tx, laneId);
    if (!lane) throw new DomainError('not-found', `no lane "${laneId}"`);
    return lane;
  }

  private line(w: Work, lineId: string): LineRow {
    const line = w.lines.find((l) => l.lineId === lineId);
    if (!line || !w.visit) throw new DomainError('not-found', `no line "${lineId}" in this basket`);
    return line;
  }

  private async move(w: Work, event: LaneEvent): Promise<void> {
    const r = transition({ status: w.lane.status, interventions: w.lane.interventions }, event);
    if (!r.ok) throw new DomainError(r.reason, r.message);
    w.lane.status = r.state.status;
    w.lane.interventions = r.state.interventions;
  }

  private async ensureVisit(w: Work): Promise<VisitRow> {
    if (w.visit) return w.visit;
    const visit: VisitRow = { id: randomUUID(), laneId: w.lane.id, status: 'open', startedAt: w.now, member: null, coupons: [] };
    await this.deps.repo.createVisit(w.tx, visit);
    w.visit = visit;
    w.lane.visitId = visit.id;
    return visit;
  }

  private checkQuantity(quantity: number): void {
    const max = this.deps.limits.maxLineQuantity;
    if (quantity > max) throw new DomainError('quantity-limit', `at most ${max} of one item per line`);
  }

  private async setLineQuantity(w: Work, visit: VisitRow, line: LineRow, quantity: number): Promise<void> {
    this.checkQuantity(quantity);
    await this.deps.repo.setQuantity(w.tx, visit.id, line.lineId, quantity);
  }

  /** Reads the lane inside a transaction, prices it and caches the snapshot. */
  private async load(tx: Tx, laneId: string): Promise<LaneSnapshot> {
    const lane = await this.lane(tx, laneId);
    const visit = lane.visitId ? ((await this.deps.repo.visit(tx, lane.visitId)) ?? null) : null;
    const lines = visit ? await this.deps.repo.lines(tx, visit.id) : [];
    const snapshot = buildSnapshot(lane, visit, lines, { ...this.deps.snapshotContext(), now: this.deps.clock.now() });
    this.snapshots.set(lane.id, snapshot);
    return snapshot;
  }

  private emit(snapshot: LaneSnapshot): void {
    for (const l of this.listeners) l(snapshot);
  }
}
