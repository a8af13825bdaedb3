/** Restaurant orders as the kiosk, the counter, the kitchen display and the order-status board see them. */
import type { LocalizedText } from '../catalog/schema.js';
import type { KitchenStation, Menu } from '../catalog/menu.js';
import type { Allergen } from '../order/allergens.js';
import type { OrderSelection } from '../order/selection.js';

export type DiningOption = 'eat-in' | 'take-away';

/** What a lane is: a self-checkout, a restaurant ordering kiosk, or a counter where staff take orders' payments. */
export type LaneMode = 'checkout' | 'order' | 'counter';

/**
 * awaiting-payment: ordered at a kiosk, to be paid at the counter; preparing: paid (or accepted at the
 * counter) and in the kitchen; ready: bumped, waiting for the guest; collected / cancelled: done.
 */
export const ORDER_STATUSES = ['awaiting-payment', 'preparing', 'ready', 'collected', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** A basket line that is a menu selection: what the kiosk shows and sends back to edit it. */
export interface OrderLineInfo {
  kind: 'item' | 'combo';
  /** The menu item or combo id. */
  id: string;
  selection: OrderSelection;
  details: LocalizedText[];
  note: string | null;
  allergens: Allergen[];
  /** False when something in it was sold out (or went out of its hours) since it was added: payment is refused until it changes. */
  orderable: boolean;
}

/** The order a lane's visit became: shown big on the kiosk's confirmation. */
export interface LaneOrder {
  id: string;
  number: number;
  /** Where it is paid: already at the kiosk, or still to pay at the counter. */
  payAt: 'kiosk' | 'counter';
}

/** One thing for one kitchen station: an item, or one slot of a combo. */
export interface KitchenItem {
  /** `<lineId>.<part>`: what a bump names. */
  id: string;
  lineId: string;
  station: KitchenStation;
  name: LocalizedText;
  quantity: number;
  /** The combo it is part of, and its slot. */
  combo: LocalizedText | null;
  slot: LocalizedText | null;
  size: LocalizedText | null;
  modifiers: LocalizedText[];
  note: string | null;
  bumpedAt: string | null;
}

export interface OrderLineView {
  lineId: string;
  name: LocalizedText;
  quantity: number;
  details: LocalizedText[];
  note: string | null;
  /** The line's price to pay (minor units). */
  price: number;
}

export interface OrderView {
  id: string;
  number: number;
  status: OrderStatus;
  dining: DiningOption;
  /** The ordering kiosk's lane. */
  laneId: string;
  createdAt: string;
  /** When it reached the kitchen (paid or accepted at the counter). */
  releasedAt: string | null;
  readyAt: string | null;
  closedAt: string | null;
  total: number;
  currency: string;
  payment: { method: 'card' | 'cash'; saleId: string } | null;
  lines: OrderLineView[];
  kitchen: KitchenItem[];
}

export interface OrdersOverview {
  /** Open orders (awaiting payment, preparing, ready), oldest first. */
  orders: OrderView[];
  /** The order bumped to ready last, which the kitchen may recall. */
  lastBumped: string | null;
  /** When the kitchen colours an order: waiting this long since release is late-ish (amber), then late (red). */
  timing: { warnAfterSeconds: number; lateAfterSeconds: number };
}

/** What can be ordered now: sold-out keys (see soldOutKey) and the categories open at this time of day. */
export interface MenuAvailability {
  version: number;
  soldOut: string[];
  openCategoryIds: string[];
}

export interface MenuView {
  menu: Menu;
  availability: MenuAvailability;
}

/** Answer to adding a menu selection: the line it became. */
export interface OrderAddResult {
  version: number;
  lineId: string;
}
