/** The one typed Socket.IO contract: used as Server<ClientToServer, ServerToClient> and reversed by clients. */
import type { AckCallback } from './errors.js';
import type {
  LaneCancelPayload,
  LanePayPayload,
  LaneIdentifyPayload,
  CatalogSearchPayload,
  LaneReprintPayload,
  LaneRemoveLinePayload,
  LaneScanPayload,
  LaneSetQuantityPayload,
  LaneSyncPayload,
} from './payloads.js';
import type {
  LaneCallStaffPayload,
  StaffClaimPayload,
  StaffLaneActionPayload,
  StaffLanePayload,
  StaffOverridePricePayload,
  StaffReauthPayload,
  StaffResolvePayload,
  StaffResumePayload,
  StaffSignInPayload,
  StaffVoidLinePayload,
  ReturnsFindPayload,
  ReturnsQuotePayload,
  ReturnsRefundPayload,
  ReportsXPayload,
  ReportsZPayload,
} from './staff-payloads.js';
import type { DayReport, RefundQuote, RefundResult, SaleForReturn, ZReportSummary } from './store-day.js';
import type { LaneHistory, LanePresence, StaffSessionInfo, StaffSignedOutReason, StationOverview } from './staff.js';
import type {
  CounterFindPayload,
  CounterPayPayload,
  CounterReleasePayload,
  KitchenBumpPayload,
  KitchenRecallPayload,
  MenuSoldOutPayload,
  OrderAddPayload,
  OrderCancelPayload,
  OrderDiningPayload,
  OrderHandOverPayload,
  OrderPayAtCounterPayload,
  OrderReplaceLinePayload,
} from './order-payloads.js';
import type { MenuAvailability, MenuView, OrderAddResult, OrdersOverview, OrderView } from './orders.js';
import type { CatalogSearchResult, DeviceHello, LaneChange, LaneSnapshot, PromotionSummary, ScanResult } from './snapshot.js';

export interface ClientToServer {
  /** Ask for the lane's full snapshot (also sent unasked on every connect). */
  'lane:sync': (payload: LaneSyncPayload, ack: AckCallback<LaneSnapshot>) => void;
  'lane:scan': (payload: LaneScanPayload, ack: AckCallback<ScanResult>) => void;
  'lane:setQuantity': (payload: LaneSetQuantityPayload, ack: AckCallback<LaneChange>) => void;
  'lane:removeLine': (payload: LaneRemoveLinePayload, ack: AckCallback<LaneChange>) => void;
  'lane:cancel': (payload: LaneCancelPayload, ack: AckCallback<LaneChange>) => void;
  /** Starts payment of the basket's total at the lane's terminal; the outcome arrives in snapshots. */
  'lane:pay': (payload: LanePayPayload, ack: AckCallback<LaneChange>) => void;
  /** Identifies the shopper as a member by phone number; member prices re-price the basket. */
  'lane:identify': (payload: LaneIdentifyPayload, ack: AckCallback<LaneChange>) => void;
  /** Searches the catalog by name, or lists items sold without a barcode; a weighed item's weight comes from the lane's scale. */
  'catalog:search': (payload: CatalogSearchPayload, ack: AckCallback<CatalogSearchResult>) => void;
  /** The campaigns running now, for the customer display's idle slideshow. */
  'catalog:promotions': (payload: Record<string, never>, ack: AckCallback<{ promotions: PromotionSummary[] }>) => void;
  /** Prints the receipt of the sale just paid once more (while the thank-you shows). */
  'lane:reprint': (payload: LaneReprintPayload, ack: AckCallback<LaneChange>) => void;
  /** The shopper calls staff (help, or an item the lane could not find); the lane waits for them. */
  'lane:callStaff': (payload: LaneCallStaffPayload, ack: AckCallback<LaneChange>) => void;

  // ---- Staff: at a lane's kiosk (that lane only) or at an attendant station (every lane). ----
  /** Signs a staff member in on this device; the session lives until sign-out or idle. */
  'staff:signIn': (payload: StaffSignInPayload, ack: AckCallback<StaffSessionInfo>) => void;
  /** Takes up an earlier session of this device after a reload or reconnect. */
  'staff:resume': (payload: StaffResumePayload, ack: AckCallback<StaffSessionInfo>) => void;
  'staff:signOut': (payload: Record<string, never>, ack: AckCallback<{ signedOut: true }>) => void;
  /** The PIN again, when admin work answered reauth-required. */
  'staff:reauth': (payload: StaffReauthPayload, ack: AckCallback<{ ok: true }>) => void;
  /** Station: every lane now, then their snapshots and presence live. */
  'staff:watch': (payload: Record<string, never>, ack: AckCallback<StationOverview>) => void;
  'staff:laneHistory': (payload: StaffLanePayload, ack: AckCallback<LaneHistory>) => void;
  'staff:claim': (payload: StaffClaimPayload, ack: AckCallback<LaneChange>) => void;
  'staff:resolve': (payload: StaffResolvePayload, ack: AckCallback<LaneChange>) => void;
  'staff:voidLine': (payload: StaffVoidLinePayload, ack: AckCallback<LaneChange>) => void;
  /** A supervisor or above sets the price; an attendant's asks for approval (pending: true). */
  'staff:overridePrice': (payload: StaffOverridePricePayload, ack: AckCallback<LaneChange & { pending: boolean }>) => void;
  'staff:cancelSale': (payload: StaffLaneActionPayload, ack: AckCallback<LaneChange>) => void;
  'staff:reprint': (payload: StaffLaneActionPayload, ack: AckCallback<LaneChange>) => void;
  'staff:closeLane': (payload: StaffLaneActionPayload, ack: AckCallback<LaneChange>) => void;
  'staff:openLane': (payload: StaffLaneActionPayload, ack: AckCallback<LaneChange>) => void;

  // ---- Store day: returns and refunds (supervisor), X and Z reports. ----
  /** A paid sale by its receipt's transaction code, with what may still be returned. */
  'returns:find': (payload: ReturnsFindPayload, ack: AckCallback<SaleForReturn>) => void;
  /** What returning these units would refund (the sale re-priced without them). */
  'returns:quote': (payload: ReturnsQuotePayload, ack: AckCallback<RefundQuote>) => void;
  /** Refunds the returned units to the card (the sale's terminal, a referenced reversal) or in cash; a refund slip prints. */
  'returns:refund': (payload: ReturnsRefundPayload, ack: AckCallback<RefundResult>) => void;
  'reports:x': (payload: ReportsXPayload, ack: AckCallback<DayReport>) => void;
  /** Closes the period: numbered, once per day per lane and for the store, printed at the station. */
  'reports:z': (payload: ReportsZPayload, ack: AckCallback<DayReport>) => void;
  'reports:list': (payload: Record<string, never>, ack: AckCallback<{ reports: ZReportSummary[] }>) => void;

  // ---- Restaurant: the ordering kiosk's basket, the kitchen, the board and the counter. ----
  /** The menu and what can be ordered now; order kiosks then get `menu:availability` live. */
  'menu:get': (payload: Record<string, never>, ack: AckCallback<MenuView>) => void;
  /** Ordering kiosk: adds a menu selection, priced by the hub. */
  'order:add': (payload: OrderAddPayload, ack: AckCallback<OrderAddResult>) => void;
  /** Ordering kiosk: the guest changed a line's choices. */
  'order:replaceLine': (payload: OrderReplaceLinePayload, ack: AckCallback<LaneChange>) => void;
  'order:setDining': (payload: OrderDiningPayload, ack: AckCallback<LaneChange>) => void;
  /** Ordering kiosk: the guest pays at the counter; the order gets its number and waits for payment. */
  'order:payAtCounter': (payload: OrderPayAtCounterPayload, ack: AckCallback<LaneChange>) => void;
  /** Kitchen, board, station: the open orders now, then `order:update` live. */
  'orders:watch': (payload: Record<string, never>, ack: AckCallback<OrdersOverview>) => void;
  'kitchen:bump': (payload: KitchenBumpPayload, ack: AckCallback<OrderView>) => void;
  'kitchen:recall': (payload: KitchenRecallPayload, ack: AckCallback<OrderView>) => void;
  /** Kitchen, or staff signed in: marks an item, combo or option sold out (or back) on every kiosk. */
  'menu:setSoldOut': (payload: MenuSoldOutPayload, ack: AckCallback<MenuAvailability>) => void;
  /** Counter (staff): an open order by its number. */
  'counter:find': (payload: CounterFindPayload, ack: AckCallback<OrderView>) => void;
  /** Counter (staff): takes an unpaid order's payment by card at the counter's terminal, or records cash; paid, it goes to the kitchen. */
  'counter:pay': (payload: CounterPayPayload, ack: AckCallback<LaneChange>) => void;
  'counter:release': (payload: CounterReleasePayload, ack: AckCallback<LaneChange>) => void;
  /** Counter or kitchen: the guest collected the order. */
  'order:handOver': (payload: OrderHandOverPayload, ack: AckCallback<OrderView>) => void;
  /** Counter (staff): cancels an order never paid. */
  'order:cancel': (payload: OrderCancelPayload, ack: AckCallback<OrderView>) => void;
}

export interface ServerToClient {
  'device:hello': (hello: DeviceHello) => void;
  'lane:snapshot': (snapshot: LaneSnapshot) => void;
  /** To watching stations: a lane's kiosk came or went. */
  'lane:presence': (presence: LanePresence) => void;
  /** The staff session on this device ended (idle, deactivated, device revoked). */
  'staff:signedOut': (info: { reason: StaffSignedOutReason }) => void;
  /** To order kiosks, kitchens and stations: what is sold out and which categories are open, on every change. */
  'menu:availability': (availability: MenuAvailability) => void;
  /** To kitchens, boards and stations: an order came, changed or closed. */
  'order:update': (order: OrderView) => void;
}

/** Names of the events whose payload schema lives in payloads.ts, for the hub's dispatcher. */
export type ClientEventName = keyof ClientToServer;

/** The handshake auth every device sends: `io(url, { auth: { token } })`. */
export interface HandshakeAuth {
  token: string;
}
