// Which screen the kiosk shows, from the hub's lane status and whether this shopper has started (pure).
import type { LaneStatus } from '@selfserve/shared';
import type { IdleMode } from './idle.js';

/** closed: staff closed the lane; shoppers are sent to another one, staff may still sign in here to open it. */
export type Screen = 'attract' | 'checkout' | 'closed';

export interface VisitView {
  /** null until the first snapshot arrives. */
  status: LaneStatus | null;
  lines: number;
  /** The shopper pressed Start (or scanned) on this screen; the hub has no visit until the first line. */
  started: boolean;
}

/** The attract screen waits for a shopper; anything the hub is doing with a basket shows the checkout. */
export function screenFor(v: VisitView): Screen {
  if (v.status === 'closed') return 'closed';
  if (v.status === null) return 'attract';
  return v.status === 'idle' && v.lines === 0 && !v.started ? 'attract' : 'checkout';
}

/**
 * What an idle shopper puts at stake: an unpaid basket is asked about first; a started but empty visit
 * just goes back to attract. Nothing times out while paying, after paying, while staff are needed, or
 * while a member of staff is signed in at the lane (their own idle time applies).
 */
export function idleModeFor(v: VisitView & { interventions: number; staffAtLane: boolean }): IdleMode | null {
  if (screenFor(v) !== 'checkout' || v.interventions > 0 || v.staffAtLane) return null;
  if (v.status === 'scanning') return v.lines > 0 ? 'ask' : 'quiet';
  return v.status === 'idle' ? 'quiet' : null;
}
