/** Staff roles, what each may do, and who may resolve whose request: the matrix the hub enforces on every event. */
import type { Intervention, InterventionReason } from '../lane/machine.js';

export const STAFF_ROLES = ['attendant', 'supervisor', 'manager'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ROLE_RANK: Readonly<Record<StaffRole, number>> = { attendant: 1, supervisor: 2, manager: 3 };

/** Everything a signed-in staff member can ask of the hub. */
export const STAFF_ACTIONS = [
  'lanes:watch', // see every lane, the queue and a lane's history at the station
  'intervention:claim', // "I'm on my way"
  'intervention:resolve', // approve or reject (the reason may ask for a higher role, see RESOLVE_ROLE)
  'line:void', // remove a line from a shopper's basket
  'line:overridePrice', // set a line's price directly; lower roles may only request it
  'sale:cancel', // cancel the shopper's unpaid basket
  'receipt:reprint', // print the lane's last receipt again
  'lane:close', // close or open a lane
  'staff:manage', // staff and their roles
  'devices:manage', // pairing and revoking screens
  'audit:read', // the audit log and its CSV export
  'order:counter', // take an order's payment at the counter (card or cash), hand it out, cancel an unpaid one
  'menu:soldOut', // mark a menu item or option sold out, and back
  'sale:refund', // take back returned items and refund them (card or cash)
  'reports:read', // X reports (so far today)
  'reports:close', // Z reports (close the day), the electronic journal and its export
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

/** The lowest role allowed each action. */
export const ACTION_ROLE: Readonly<Record<StaffAction, StaffRole>> = {
  'lanes:watch': 'attendant',
  'intervention:claim': 'attendant',
  'intervention:resolve': 'attendant',
  'line:void': 'attendant',
  'line:overridePrice': 'supervisor',
  'sale:cancel': 'attendant',
  'receipt:reprint': 'attendant',
  'lane:close': 'supervisor',
  'staff:manage': 'manager',
  'devices:manage': 'manager',
  'audit:read': 'manager',
  'order:counter': 'attendant',
  'menu:soldOut': 'attendant',
  'sale:refund': 'supervisor',
  'reports:read': 'supervisor',
  'reports:close': 'manager',
};

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

export const roleAtLeast = (role: StaffRole, least: StaffRole): boolean => ROLE_RANK[role] >= ROLE_RANK[least];

export const mayDo = (role: StaffRole, action: StaffAction): boolean => roleAtLeast(role, ACTION_ROLE[action]);

/** The actions a role may do, e.g. for a menu that shows only those. */
export const actionsOf = (role: StaffRole): StaffAction[] => STAFF_ACTIONS.filter((a) => mayDo(role, a));

/**
 * Why `staff` may not resolve `intervention`, or null when they may: the reason's role is needed; nobody
 * resolves their own request; a request made by staff needs a role above the requester's.
 */
export function resolveRefusal(staff: { id: string; role: StaffRole }, intervention: Pick<Intervention, 'reason' | 'requestedBy'>): string | null {
  const by = intervention.requestedBy;
  if (by?.staffId === staff.id) return 'nobody approves their own request';
  const least = RESOLVE_ROLE[intervention.reason];
  if (!roleAtLeast(staff.role, least)) return `resolving ${intervention.reason} needs a ${least} or above`;
  if (by && ROLE_RANK[staff.role] <= ROLE_RANK[by.role]) return `a request by a ${by.role} needs a role above ${by.role}`;
  return null;
}
