/** What the hub answers staff: sessions, the station's overview, lane history, and the manager view's rows. */
import type { DeviceKind, LaneSnapshot } from './snapshot.js';
import type { LaneMode } from './orders.js';
import type { StaffAction, StaffRole } from '../staff/roles.js';

/** How a staff member proved who they are on this device. */
export type StaffSignInMethod = 'pin' | 'badge' | 'badge+pin';

export interface StaffSessionInfo {
  /** Opaque; sent with `staff:resume` after a reload and as X-Staff-Session on admin HTTP calls. */
  session: string;
  /** Sent as X-CSRF-Token on admin HTTP calls. */
  csrf: string;
  staff: { id: string; number: string; name: string; role: StaffRole };
  method: StaffSignInMethod;
  /** What this staff member may do here. */
  actions: StaffAction[];
  /** The session ends after this many seconds without a staff action. */
  idleSeconds: number;
}

/** One lane as the attendant station sees it. */
export interface LaneOverview {
  laneId: string;
  name: string;
  /** A self-checkout, an ordering kiosk, or a counter (whose terminal staff use for orders paid there). */
  mode: LaneMode;
  /** Whether the lane's kiosk is connected. */
  online: boolean;
  snapshot: LaneSnapshot;
}

export interface StationOverview {
  lanes: LaneOverview[];
  /** Which reasons the store lets staff resolve from the station rather than at the lane. */
  remote: Record<string, boolean>;
}

export interface LanePresence {
  laneId: string;
  online: boolean;
}

/** A line of the audit log as the hub gives it out. */
export interface AuditRecord {
  id: number;
  at: string;
  actor: string | null;
  /** The actor's name, when the actor is a staff member. */
  actorName: string | null;
  action: string;
  laneId: string | null;
  deviceId: string | null;
  method: string | null;
  outcome: string;
  detail: Record<string, unknown> | null;
}

export interface LaneHistory {
  laneId: string;
  events: AuditRecord[];
  sales: Array<{ saleId: string; number: number; status: string; total: number; currency: string; createdAt: string; paidAt: string | null }>;
}

export type StaffSignedOutReason = 'idle' | 'signed-out' | 'deactivated' | 'device-revoked';

export interface StaffMember {
  id: string;
  number: string;
  badge: string | null;
  name: string;
  role: StaffRole;
  active: boolean;
  createdAt: string;
}

export interface DeviceInfo {
  id: string;
  kind: DeviceKind;
  laneId: string | null;
  name: string | null;
  createdAt: string;
  pairedAt: string | null;
  revokedAt: string | null;
  online: boolean;
}

/** A new device's one-time code, valid until `expiresAt`. */
export interface PairingCode {
  device: DeviceInfo;
  code: string;
  expiresAt: string;
}

export interface PairResult {
  token: string;
  device: { id: string; kind: DeviceKind; laneId: string | null; name: string | null };
}
