/** The lane snapshot: the whole state a kiosk or display renders, computed by the hub only. */
import type { Adjustment, PricedLine, Totals } from '../pricing/types.js';
import type { Intervention, LaneStatus } from '../lane/machine.js';

export interface SnapshotLine extends PricedLine {
  /** The code as scanned (or the PLU typed). */
  code: string;
  /** Age limit of this item by the store's rules, or null. */
  requiredAge: number | null;
}

export interface LaneSnapshot {
  laneId: string;
  /** Rises by one on every change of the lane; a client drops any snapshot older than the one it has. */
  version: number;
  status: LaneStatus;
  /** The current shopper's visit, or null when the lane waits for a shopper. */
  visitId: string | null;
  lines: SnapshotLine[];
  adjustments: Adjustment[];
  totals: Totals;
  /** Highest age limit in the basket. */
  requiredAge: number | null;
  interventions: Intervention[];
  /** The identified member, whose member prices apply. */
  member: { id: string; name: string | null } | null;
  /** Coupon codes accepted for this visit. */
  coupons: string[];
  /** ISO time of the last change. */
  updatedAt: string;
}

/** What the hub tells a device about itself when it connects. */
export interface DeviceHello {
  deviceId: string;
  kind: DeviceKind;
  laneId: string | null;
  store: { id: string; name: string; currency: string; locale: string; languages: string[] };
}

export type DeviceKind = 'kiosk' | 'display' | 'staff';

/**
 * What a change request answers. The new snapshot itself reaches every device of the lane once, as
 * `lane:snapshot` (sent before the ack); the ack says which version carries the change.
 */
export interface LaneChange {
  version: number;
}

export interface ScanResult extends LaneChange {
  /** What the code turned out to be: an item line, a loyalty card or a coupon. */
  added: 'line' | 'member' | 'coupon';
  /** The line added or increased, as priced in that version; null for a card or coupon. */
  line: SnapshotLine | null;
  /** The basket's total to pay after this scan, in minor units. */
  total: number;
}
