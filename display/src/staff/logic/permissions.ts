// Whether the signed-in staff member may approve or reject an intervention from the station, and if not, why.
// ROLE_RANK, RESOLVE_ROLE and the refusal rule are copied from shared/src/staff/roles.ts: apps import shared's
// types only (its runtime brings zod); permissions.test.ts checks the copy against the original.
import type { Intervention, InterventionReason, StaffAction, StaffRole } from '@selfserve/shared';

export const ROLE_RANK: Readonly<Record<StaffRole, number>> = { attendant: 1, supervisor: 2, manager: 3 };

/** The lowest role that may resolve an intervention of each reason. */
export const RESOLVE_ROLE: Readonly<Record<InterventionReason, StaffRole>> = {
  'age-check': 'attendant',
  'void-approval': 'attendant',
  'price-override': 'supervisor',
  help: 'attendant',
  'payment-failed': 'attendant',
  'unknown-item': 'attendant',
  'quantity-limit': 'attendant',
};

/** The staff member at the station, as the session describes them. */
export interface StationStaff {
  id: string;
  role: StaffRole;
  actions: readonly StaffAction[];
}

/**
 * allowed: approve and reject buttons; otherwise the reason there are none. at-lane: the store wants this
 * reason settled in person (age checks by default), so the station says "resolve at the lane".
 */
export type ResolveVerdict = 'allowed' | 'no-permission' | 'role' | 'own-request' | 'requester-role' | 'at-lane';

type Resolvable = Pick<Intervention, 'reason' | 'requestedBy'>;

export function resolveVerdict(me: StationStaff, remote: Readonly<Record<string, boolean>>, i: Resolvable): ResolveVerdict {
  if (!me.actions.includes('intervention:resolve')) return 'no-permission';
  const by = i.requestedBy;
  if (by?.staffId === me.id) return 'own-request';
  if (ROLE_RANK[me.role] < ROLE_RANK[RESOLVE_ROLE[i.reason]]) return 'role';
  if (by && ROLE_RANK[me.role] <= ROLE_RANK[by.role]) return 'requester-role';
  // Checked last: "resolve at the lane" would mislead someone who may not resolve it at the lane either.
  if (remote[i.reason] !== true) return 'at-lane';
  return 'allowed';
}

/** "I'm on my way" is offered while nobody has said it yet. */
export const mayClaim = (me: StationStaff, i: Pick<Intervention, 'state'>): boolean =>
  me.actions.includes('intervention:claim') && i.state === 'open';
