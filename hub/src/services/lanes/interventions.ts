/**
 * Interventions as changes to a lane's draft: open one, claim it, end it, and what approving or
 * rejecting each reason does to the basket. Every step is journaled and audited in the lane's commit.
 */
import { randomUUID } from 'node:crypto';
import {
  ageOn,
  DomainError,
  INTERVENTION_BLOCKS,
  needsNewApproval,
  type Intervention,
  type InterventionReason,
  type Product,
  type StaffRef,
} from '@selfserve/shared';
import { lanesRepository as repo, type LineRow } from '../../storage/lanes.repository.js';
import { interventionsRepository as journal } from '../../storage/interventions.repository.js';
import { auditStatement, type AuditMethod } from '../staff/audit.service.js';
import { move, type Draft } from './lane-book.js';
import { interventionResolved, lineVoided } from '../../upstream/events.js';

/** Who acts on a lane: a signed-in staff member, or the lane's own device (the shopper). */
export interface LaneActor {
  staff: StaffRef | null;
  deviceId: string | null;
  /** How the staff member proved who they are here; 'remote' from an attendant station. */
  method: AuditMethod | null;
}

export const SHOPPER = (deviceId: string | null): LaneActor => ({ staff: null, deviceId, method: null });

type Spec = Omit<Intervention, 'id' | 'blocks' | 'state' | 'openedAt' | 'claimedBy' | 'claimedAt' | 'requestedDevice'>;

function audit(d: Draft, actor: LaneActor, action: string, outcome: string, detail: Record<string, unknown>): void {
  d.writes.push(
    auditStatement(d.now, {
      actor: actor.staff?.staffId ?? null,
      action,
      laneId: d.lane.id,
      deviceId: actor.deviceId ?? undefined,
      method: actor.method ?? undefined,
      outcome,
      detail,
    }),
  );
}

export function openIntervention(d: Draft, spec: Spec, actor: LaneActor): Intervention {
  const intervention: Intervention = {
    ...spec,
    id: randomUUID(),
    blocks: INTERVENTION_BLOCKS[spec.reason],
    state: 'open',
    openedAt: d.now,
    requestedDevice: actor.deviceId,
    claimedBy: null,
    claimedAt: null,
  };
  move(d, { type: 'intervene', intervention });
  d.writes.push(journal.insert(intervention, d.lane.id, d.visit?.id ?? null, actor.deviceId));
  audit(d, actor, 'intervention-opened', 'open', { interventionId: intervention.id, reason: spec.reason, ...dataOf(intervention) });
  return intervention;
}

export function findIntervention(d: Draft, id: string): Intervention {
  const found = d.lane.interventions.find((i) => i.id === id);
  if (!found) throw new DomainError('not-found', 'this intervention is not open at this lane (resolved already, or expired)');
  return found;
}

function replace(d: Draft, next: Intervention): void {
  d.lane.interventions = d.lane.interventions.map((i) => (i.id === next.id ? next : i));
}

export function claimIntervention(d: Draft, id: string, actor: LaneActor & { staff: StaffRef }): void {
  const i = findIntervention(d, id);
  replace(d, { ...i, state: 'claimed', claimedBy: actor.staff, claimedAt: d.now });
  d.writes.push(journal.claim(id, actor.staff.staffId, d.now));
  audit(d, actor, 'intervention-claimed', 'claimed', { interventionId: id, reason: i.reason, ...(i.claimedBy ? { takenFrom: i.claimedBy.staffId } : {}) });
}

/** Ends a live intervention: the lane no longer waits for it. */
export function endIntervention(
  d: Draft,
  i: Intervention,
  actor: LaneActor,
  outcome: string,
  state: 'resolved' | 'expired' = 'resolved',
  detail: Record<string, unknown> = {},
): void {
  move(d, { type: 'resolve', interventionId: i.id });
  d.writes.push(journal.end(i.id, { state, by: actor.staff?.staffId ?? null, at: d.now, outcome, method: actor.method }));
  d.events.push(interventionResolved(d, i, state === 'expired' ? 'expired' : outcome, actor.method));
  audit(d, actor, state === 'expired' ? 'intervention-expired' : 'intervention-resolved', outcome, {
    interventionId: i.id,
    reason: i.reason,
    requestedBy: i.requestedBy?.staffId ?? null,
    requestedByName: i.requestedBy?.name ?? null,
    requestedDevice: i.requestedDevice ?? null,
    resolvedBy: actor.staff?.staffId ?? null,
    resolvedByName: actor.staff?.name ?? null,
    ...dataOf(i),
    ...detail,
  });
}

/** The visit ended (cancelled, or the next shopper came): whatever was still open expires with it. */
export function expireAll(d: Draft, actor: LaneActor): void {
  for (const i of [...d.lane.interventions]) endIntervention(d, i, actor, 'visit-ended', 'expired');
}

/** Ends the interventions about a line that is gone. */
export function endForLine(d: Draft, lineId: string, actor: LaneActor): void {
  for (const i of d.lane.interventions.filter((x) => x.lineId === lineId)) endIntervention(d, i, actor, 'line-gone');
}

const dataOf = (i: Intervention) => ({
  ...(i.requiredAge !== undefined ? { requiredAge: i.requiredAge } : {}),
  ...(i.lineId !== undefined ? { lineId: i.lineId } : {}),
  ...(i.quantity !== undefined ? { quantity: i.quantity } : {}),
  ...(i.previousQuantity !== undefined ? { previousQuantity: i.previousQuantity } : {}),
  ...(i.price !== undefined ? { price: i.price } : {}),
  ...(i.code !== undefined ? { code: i.code } : {}),
});

/**
 * Keeps the age check in step with the basket: the highest age in it must be approved. A higher age
 * than the one approved (or asked for) opens or raises the check; a basket that no longer needs it ends it.
 */
export function reconcileAgeCheck(d: Draft, ageOf: (p: Product) => number | null, actor: LaneActor = SHOPPER(null)): void {
  let need: number | null = null;
  for (const l of d.lines) {
    const age = ageOf(l.product);
    if (age !== null && (need === null || age > need)) need = age;
  }
  const open = d.lane.interventions.find((i) => i.reason === 'age-check');
  if (need !== null && needsNewApproval(d.visit?.approvedAge ?? null, need)) {
    if (!open) openIntervention(d, { reason: 'age-check', requiredAge: need, detail: `${need}+`, requestedBy: null }, actor);
    else if (open.requiredAge !== need) {
      const raised = { ...open, requiredAge: need, detail: `${need}+` };
      replace(d, raised);
      d.writes.push(journal.update(raised));
    }
  } else if (open) {
    endIntervention(d, open, actor, 'not-needed');
  }
}

/** When a shopper's change waits for staff. 0 turns a rule off. */
export interface InterventionRules {
  /** Removing a line or lowering a quantity once the basket holds this many items. */
  voidAfterItems: number;
  /** A line's quantity above this (up to the hard maxLineQuantity). */
  quantityApprovalAbove: number;
}

/** Items in the basket: units of each line, a weighed line counting as one. */
export const itemCount = (lines: LineRow[]): number => lines.reduce((n, l) => n + (l.product.unit === 'kg' ? 1 : l.quantity), 0);

/** Whether removing or lowering a line needs staff now: the basket holds `voidAfterItems` items or more. */
export function voidNeedsStaff(d: Draft, rules: InterventionRules): boolean {
  return rules.voidAfterItems > 0 && itemCount(d.lines) >= rules.voidAfterItems;
}

/** The shopper's removal (quantity 0) or lowering of a line waits for staff; the line stays until they approve. */
export function askForVoid(d: Draft, line: LineRow, quantity: number, deviceId: string | null): void {
  if (d.lane.interventions.some((i) => i.reason === 'void-approval' && i.lineId === line.lineId)) return;
  const detail = `${line.product.name.da}${quantity ? ` → ${quantity}` : ''}`;
  openIntervention(d, { reason: 'void-approval', lineId: line.lineId, quantity, detail, requestedBy: null }, SHOPPER(deviceId));
}

/** A line now above the store's quantity for staff: it stays, and staff approve it or put it back to `before`. */
export function askForLargeQuantity(d: Draft, rules: InterventionRules, lineId: string, before: number, deviceId: string | null): void {
  const line = d.lines.find((l) => l.lineId === lineId)!;
  if (rules.quantityApprovalAbove <= 0 || line.quantity <= rules.quantityApprovalAbove) return;
  if (d.lane.interventions.some((i) => i.reason === 'quantity-limit' && i.lineId === lineId)) return;
  const detail = `${line.product.name.da} × ${line.quantity}`;
  openIntervention(d, { reason: 'quantity-limit', lineId, quantity: line.quantity, previousQuantity: before, detail, requestedBy: null }, SHOPPER(deviceId));
}

export interface Resolution {
  outcome: 'approve' | 'reject';
  method?: 'id-seen' | 'date-of-birth' | undefined;
  dateOfBirth?: string | undefined;
  note?: string | undefined;
}

/** What approving or rejecting does, per reason; then the intervention ends. */
export function applyResolution(d: Draft, i: Intervention, r: Resolution, actor: LaneActor, ctx: { today: string; ageOf: (p: Product) => number | null }): void {
  const detail: Record<string, unknown> = r.note ? { note: r.note } : {};
  const line = i.lineId ? d.lines.find((l) => l.lineId === i.lineId) : undefined;
  const effects: Record<InterventionReason, () => void> = {
    'age-check': () => {
      const age = i.requiredAge ?? 18;
      if (r.outcome === 'approve') {
        if (!r.method) throw new DomainError('bad-payload', 'say how the age was checked: ID seen, or the date of birth');
        if (r.method === 'date-of-birth') {
          const years = r.dateOfBirth ? ageOn(r.dateOfBirth, ctx.today) : null;
          if (years === null) throw new DomainError('bad-payload', 'give the date of birth as it stands on the ID (YYYY-MM-DD)');
          if (years < age) throw new DomainError('not-allowed', `the shopper is ${years}: under the age limit of ${age}; reject to take the items off`);
          detail.ageOnId = years;
        }
        detail.ageMethod = r.method;
        d.visit = { ...d.visit!, approvedAge: age, ageChecks: [...d.visit!.ageChecks, { requiredAge: age, outcome: 'approved', method: r.method, at: d.now }] };
        d.writes.push(repo.updateVisit(d.visit));
        return;
      }
      d.visit = { ...d.visit!, ageChecks: [...d.visit!.ageChecks, { requiredAge: age, outcome: 'rejected', method: null, at: d.now }] };
      d.writes.push(repo.updateVisit(d.visit));
      // Rejected: every item above the age already approved leaves the basket.
      const allowed = d.visit?.approvedAge ?? 0;
      const removed = d.lines.filter((l) => (ctx.ageOf(l.product) ?? 0) > allowed);
      for (const l of removed) d.writes.push(repo.removeLine(d.visit!.id, l.lineId, d.now));
      d.lines = d.lines.filter((l) => !removed.includes(l));
      detail.removedLines = removed.map((l) => l.lineId);
    },
    'void-approval': () => {
      if (r.outcome !== 'approve' || !line) return;
      d.events.push(lineVoided(d, line, line.quantity - (i.quantity ?? 0), actor.staff?.staffId ?? null));
      if (!i.quantity) {
        d.lines = d.lines.filter((l) => l !== line);
        d.writes.push(repo.removeLine(d.visit!.id, line.lineId, d.now));
      } else {
        d.lines = d.lines.map((l) => (l === line ? { ...l, quantity: i.quantity! } : l));
        d.writes.push(repo.setQuantity(d.visit!.id, line.lineId, i.quantity));
      }
    },
    'quantity-limit': () => {
      if (r.outcome !== 'reject' || !line) return;
      if (!i.previousQuantity) {
        d.lines = d.lines.filter((l) => l !== line);
        d.writes.push(repo.removeLine(d.visit!.id, line.lineId, d.now));
      } else {
        d.lines = d.lines.map((l) => (l === line ? { ...l, quantity: i.previousQuantity! } : l));
        d.writes.push(repo.setQuantity(d.visit!.id, line.lineId, i.previousQuantity));
      }
    },
    'price-override': () => {
      if (r.outcome !== 'approve' || !line || i.price === undefined) return;
      detail.previousPrice = d.snapshot.lines.find((l) => l.lineId === line.lineId)?.grossPrice ?? null;
      setPrice(d, line, i.price, actor.staff?.staffId ?? null);
    },
    'payment-failed': () => {
      if (d.lane.payment) d.lane.payment = { ...d.lane.payment, failures: 0 };
    },
    help: () => undefined,
    'unknown-item': () => undefined,
  };
  effects[i.reason]();
  if (i.lineId && !line) detail.lineGone = true;
  endIntervention(d, i, actor, r.outcome === 'approve' ? 'approved' : 'rejected', 'resolved', detail);
}

/** Staff set a line's price: written, and kept in the electronic journal with the price before. */
export function setPrice(d: Draft, line: LineRow, price: number, staffId: string | null): void {
  const before = d.snapshot.lines.find((l) => l.lineId === line.lineId)?.grossPrice ?? null;
  d.lines = d.lines.map((l) => (l === line ? { ...l, priceOverride: price } : l));
  d.writes.push(repo.overridePrice(d.visit!.id, line.lineId, price));
  d.journal.push({ type: 'price-override', laneId: d.lane.id, staffId, data: { visitId: d.visit!.id, lineId: line.lineId, productId: line.product.id, previousPrice: before, price } });
}
