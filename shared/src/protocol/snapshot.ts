/** The lane snapshot: the whole state a kiosk or display renders, computed by the hub only. */
import type { Adjustment, PricedLine, Totals } from '../pricing/types.js';
import type { Intervention, LaneStatus } from '../lane/machine.js';
import type { DiningOption, LaneMode, LaneOrder, OrderLineInfo } from './orders.js';

export interface SnapshotLine extends PricedLine {
  /** The code as scanned (or the PLU typed). */
  code: string;
  /** Age limit of this item by the store's rules, or null. */
  requiredAge: number | null;
  /** Staff set this line's price by hand (a price override). */
  priceOverridden: boolean;
  /** At an ordering kiosk: the menu selection this line is. */
  order?: OrderLineInfo;
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
  /** The payment of this visit's sale, while it runs and after it ended; null before paying. */
  payment: LanePayment | null;
  /** The receipt of the paid sale: its transaction id (printed as a barcode) and number. */
  receipt: { saleId: string; number: number } | null;
  /** The lane printer's trouble, in words staff and shoppers can read; null while it prints. */
  printer: LanePrinterProblem | null;
  /** At an ordering kiosk: eat in or take away, once the guest chose. */
  dining: DiningOption | null;
  /** At an ordering kiosk: the order this visit became (its number for the confirmation). */
  order: LaneOrder | null;
  /** ISO time of the last change. */
  updatedAt: string;
}

export interface LanePrinterProblem {
  reason: 'offline' | 'cover-open' | 'paper-out' | 'unreachable' | 'timeout';
  message: { da: string; en: string };
  /** Receipts waiting for the printer. */
  queued: number;
}

/**
 * waiting: the terminal has the amount, the shopper follows its instructions; checking: the result
 * was lost and the hub is asking the terminal for it; offline: the terminal cannot be reached.
 */
export type LanePaymentState = 'waiting' | 'checking' | 'offline' | 'approved' | 'declined' | 'cancelled' | 'failed';

export interface LanePayment {
  saleId: string;
  state: LanePaymentState;
  amount: number;
  /** The terminal's reason for a refusal or failure, as it gave it. */
  reason: string | null;
  brand: string | null;
  maskedPan: string | null;
  /** How the card was read (Contactless, ICC, …), as the terminal says. */
  entryMode: string | null;
  /** The device that asked to pay (the lane's kiosk). */
  deviceId: string | null;
  /** Failed attempts in a row for this sale. */
  failures: number;
}

/** What the hub tells a device about itself when it connects. */
export interface DeviceHello {
  deviceId: string;
  kind: DeviceKind;
  laneId: string | null;
  /** What the device's lane is (a self-checkout, an ordering kiosk, a counter); null without a lane. */
  laneMode: LaneMode | null;
  store: { id: string; name: string; currency: string; locale: string; languages: string[] };
  /** How the kiosk paces a visit: after `idleSeconds` without a touch or scan it asks "still there?",
   *  and `stillThereSeconds` later it cancels an unpaid basket. */
  checkout: { idleSeconds: number; stillThereSeconds: number };
  /** How staff sign in here: a scanned code starting with `badgePrefix` is a staff badge, not an item;
   *  `badgeOnly`: at this lane a badge opens the staff menu without a PIN (store policy). */
  staff: { badgePrefix: string; badgeOnly: boolean; idleSeconds: number };
}

/** One item of the search and picture grid, for items without a barcode (fruit, bakery) or by name. */
export interface CatalogItem {
  productId: string;
  name: { da: string; [lang: string]: string };
  /** Per unit, or per kg when unit is "kg". */
  price: number;
  unit: 'each' | 'kg';
  /** What to send as `lane:scan` code: the PLU, or else the first GTIN. */
  code: string;
  image: string | null;
  department: string;
}

export interface CatalogSearchResult {
  items: CatalogItem[];
}

/** kitchen: a kitchen display (bump screen); board: the order-status board guests watch. */
export const DEVICE_KINDS = ['kiosk', 'display', 'staff', 'kitchen', 'board'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/**
 * What a change request answers. The new snapshot itself reaches every device of the lane once, as
 * `lane:snapshot` (sent before the ack); the ack says which version carries the change.
 */
export interface LaneChange {
  version: number;
}

export interface ScanResult extends LaneChange {
  /** What the code turned out to be: an item line, a loyalty card, a coupon or a deposit-return voucher. */
  added: 'line' | 'member' | 'coupon' | 'voucher';
  /** The line added or increased, as priced in that version; null for a card or coupon. */
  line: SnapshotLine | null;
  /** The basket's total to pay after this scan, in minor units. */
  total: number;
}

/** A live campaign, as a display shows it (idle slideshow). */
export interface PromotionSummary {
  campaignId: string;
  name: { da: string; [lang: string]: string };
  kind: string;
  memberOnly: boolean;
}
