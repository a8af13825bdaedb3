// Whether the signed-in staff member may approve or reject an intervention from the station, and if not, why.
// The role matrix and its rule are shared's (the hub enforces the same); the station adds its own verdicts.
import type { Intervention, StaffAction, StaffRole } from '@selfserve/shared';
import { RESOLVE_ROLE, ROLE_RANK, roleAtLeast } from '@selfserve/shared/pure';

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
  // The same order as shared's resolveRefusal, so the station names the reason the hub would give.
  if (by?.staffId === me.id) return 'own-request';
  if (!roleAtLeast(me.role, RESOLVE_ROLE[i.reason])) return 'role';
  if (by && ROLE_RANK[me.role] <= ROLE_RANK[by.role]) return 'requester-role';
  // Checked last: "resolve at the lane" would mislead someone who may not resolve it at the lane either.
  if (remote[i.reason] !== true) return 'at-lane';
  return 'allowed';
}

/** "I'm on my way" is offered while nobody has said it yet. */
export const mayClaim = (me: StationStaff, i: Pick<Intervention, 'state'>): boolean =>
  me.actions.includes('intervention:claim') && i.state === 'open';
