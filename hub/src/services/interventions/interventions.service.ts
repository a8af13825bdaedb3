/**
 * What staff do to a lane, at its kiosk or from the attendant station: claim and resolve interventions,
 * void, re-price, cancel, reprint, close and open. The caller has checked the role may do the action;
 * this checks what depends on the lane: the reason's role, the requester, remote or at the lane.
 */
import {
  DomainError,
  mayDo,
  resolveRefusal,
  type AuditRecord,
  type InterventionReason,
  type LaneChange,
  type LaneHistory,
  type StaffResolvePayload,
  type StaffRole,
} from '@selfserve/shared';
import type { Database } from '../../storage/db.js';
import { salesRepository } from '../../storage/sales.repository.js';
import { printJobsRepository } from '../../storage/print-jobs.repository.js';
import { lanesRepository } from '../../storage/lanes.repository.js';
import { auditRepository } from '../../storage/audit.repository.js';
import { staffRepository } from '../../storage/staff.repository.js';
import type { Clock } from '../../clock.js';
import type { LanesService } from '../lanes/lanes.service.js';
import { move, type Draft } from '../lanes/lane-book.js';
import { nextShopper } from '../lanes/lane-checkout.js';
import { applyResolution, claimIntervention, endForLine, findIntervention, openIntervention, setPrice, type LaneActor } from '../lanes/interventions.js';
import { auditStatement } from '../staff/audit.service.js';
import { basketCancelled, lineVoided } from '../../upstream/events.js';

/** A signed-in staff member acting on a lane, and where from. */
export interface StaffActor extends LaneActor {
  staff: { staffId: string; name: string; role: StaffRole };
  /** At the lane's own kiosk, or remote from a station. */
  atLane: boolean;
}

export interface InterventionsDeps {
  db: Database;
  lanes: LanesService;
  clock: Clock;
  timeZone: string;
  /** Reasons staff may resolve from a station. */
  remote: Readonly<Record<InterventionReason, boolean>>;
}

const changed = (_r: unknown, s: { version: number }): LaneChange => ({ version: s.version });

export class InterventionsService {
  constructor(private readonly deps: InterventionsDeps) {}

  claim(laneId: string, p: { key: string; interventionId: string }, actor: StaffActor): Promise<LaneChange> {
    return this.deps.lanes.request(laneId, p.key, 'staff:claim', p, changed, (d) => claimIntervention(d, p.interventionId, actor));
  }

  resolve(laneId: string, p: StaffResolvePayload, actor: StaffActor): Promise<LaneChange> {
    const { lanes } = this.deps;
    return lanes.request(laneId, p.key, 'staff:resolve', { ...p, by: actor.staff.staffId }, changed, (d) => {
      const i = findIntervention(d, p.interventionId);
      const refusal = resolveRefusal({ id: actor.staff.staffId, role: actor.staff.role }, i);
      if (refusal) throw new DomainError('unauthorized', refusal);
      if (!actor.atLane && !this.deps.remote[i.reason]) throw new DomainError('unauthorized', `${i.reason} is resolved at the lane, not from the station`);
      applyResolution(d, i, p, actor, { today: this.today(), ageOf: lanes.ageOf });
    });
  }

  voidLine(laneId: string, p: { key: string; lineId: string }, actor: StaffActor): Promise<LaneChange> {
    return this.deps.lanes.request(laneId, p.key, 'staff:voidLine', { ...p, by: actor.staff.staffId }, changed, (d) => {
      const line = this.line(d, p.lineId);
      this.basketEditable(d);
      d.lines = d.lines.filter((l) => l !== line);
      d.writes.push(lanesRepository.removeLine(d.visit!.id, line.lineId, d.now));
      d.events.push(lineVoided(d, line, line.quantity, actor.staff.staffId));
      endForLine(d, line.lineId, actor);
      this.audit(d, actor, 'line-voided', { lineId: line.lineId, productId: line.product.id, quantity: line.quantity });
    });
  }

  /** A role allowed to set prices does so at once; a lower one asks, and a higher role must approve. */
  overridePrice(laneId: string, p: { key: string; lineId: string; price: number; reason: string }, actor: StaffActor): Promise<LaneChange & { pending: boolean }> {
    const direct = mayDo(actor.staff.role, 'line:overridePrice');
    return this.deps.lanes.request(laneId, p.key, 'staff:overridePrice', { ...p, by: actor.staff.staffId }, (_r, s) => ({ version: s.version, pending: !direct }), (d) => {
      const line = this.line(d, p.lineId);
      this.basketEditable(d);
      const before = d.snapshot.lines.find((l) => l.lineId === line.lineId)?.grossPrice ?? null;
      if (!direct) {
        const detail = `${line.product.name.da}: ${(p.price / 100).toFixed(2)} (${p.reason})`;
        openIntervention(d, { reason: 'price-override', lineId: line.lineId, price: p.price, detail, requestedBy: actor.staff }, actor);
        return;
      }
      setPrice(d, line, p.price, actor.staff.staffId);
      this.audit(d, actor, 'price-override', { lineId: line.lineId, productId: line.product.id, previousPrice: before, price: p.price, reason: p.reason });
    });
  }

  cancelSale(laneId: string, p: { key: string }, actor: StaffActor): Promise<LaneChange> {
    return this.deps.lanes.request(laneId, p.key, 'staff:cancelSale', { ...p, by: actor.staff.staffId }, changed, (d) => {
      const total = d.snapshot.totals.total;
      move(d, { type: 'cancel' });
      if (d.visit) {
        d.writes.push(lanesRepository.updateVisit({ ...d.visit, status: 'cancelled' }, d.now));
        d.events.push(basketCancelled(d, 'staff'));
      }
      if (d.lane.payment) d.writes.push(salesRepository.abandonSale(d.lane.payment.saleId));
      this.deps.lanes.vouchers.release(d);
      this.audit(d, actor, 'sale-cancelled', { visitId: d.visit?.id ?? null, lines: d.lines.length, total });
      nextShopper(d);
    });
  }

  /** Prints the lane's last paid receipt again. */
  async reprint(laneId: string, p: { key: string }, actor: StaffActor): Promise<LaneChange> {
    const saleId = await this.deps.db.tx((tx) => salesRepository.lastPaidOfLane(tx, laneId));
    const change = await this.deps.lanes.request(laneId, p.key, 'staff:reprint', { ...p, by: actor.staff.staffId }, changed, (d) => {
      if (!saleId) throw new DomainError('not-allowed', 'this lane has no paid sale to print again');
      d.writes.push(printJobsRepository.enqueueCopy(saleId, d.now));
      this.audit(d, actor, 'receipt-reprinted', { saleId });
    });
    this.deps.lanes.receiptQueued(laneId);
    return change;
  }

  closeLane(laneId: string, p: { key: string }, actor: StaffActor): Promise<LaneChange> {
    return this.deps.lanes.request(laneId, p.key, 'staff:closeLane', { ...p, by: actor.staff.staffId }, changed, (d) => {
      if (d.lane.status === 'scanning' || d.lane.status === 'payment') throw new DomainError('not-allowed', 'a shopper is using this lane: finish or cancel the sale first');
      if (d.lane.status !== 'idle' && d.lane.status !== 'closed') nextShopper(d);
      move(d, { type: 'close' });
      d.journal.push({ type: 'lane-closed', laneId, staffId: actor.staff.staffId, data: {} });
      this.audit(d, actor, 'lane-closed', {});
    });
  }

  openLane(laneId: string, p: { key: string }, actor: StaffActor): Promise<LaneChange> {
    return this.deps.lanes.request(laneId, p.key, 'staff:openLane', { ...p, by: actor.staff.staffId }, changed, (d) => {
      move(d, { type: 'open' });
      d.journal.push({ type: 'lane-opened', laneId, staffId: actor.staff.staffId, data: {} });
      this.audit(d, actor, 'lane-opened', {});
    });
  }

  /** The lane's recent audit log and sales, for the station. */
  history(laneId: string): Promise<LaneHistory> {
    return this.deps.db.tx(async (tx) => {
      const rows = await auditRepository.query(tx, { laneId, limit: 50 });
      const names = new Map((await staffRepository.list(tx)).map((s) => [s.id, s.name]));
      const events: AuditRecord[] = rows.map((r) => ({
        ...r,
        actorName: r.actor ? (names.get(r.actor) ?? null) : null,
        detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
      }));
      return { laneId, events, sales: await salesRepository.recentOfLane(tx, laneId, 20) };
    });
  }

  private line(d: Draft, lineId: string) {
    const line = d.lines.find((l) => l.lineId === lineId);
    if (!line || !d.visit) throw new DomainError('not-found', `no line "${lineId}" in this basket`);
    return line;
  }

  /** Staff change a basket while it is being scanned, not while the terminal may be charging it. */
  private basketEditable(d: Draft): void {
    if (d.lane.status !== 'scanning') throw new DomainError('not-allowed', `the basket cannot change while the lane is ${d.lane.status}`);
  }

  private audit(d: Draft, actor: StaffActor, action: string, detail: Record<string, unknown>): void {
    d.writes.push(
      auditStatement(d.now, { actor: actor.staff.staffId, action, laneId: d.lane.id, deviceId: actor.deviceId ?? undefined, method: actor.method ?? undefined, outcome: 'ok', detail }),
    );
  }

  /** Today in the store's time zone, for a date of birth. */
  private today(): string {
    return new Intl.DateTimeFormat('en-CA', { timeZone: this.deps.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(this.deps.clock.now());
  }
}
