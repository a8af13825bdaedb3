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
} from './staff-payloads.js';
import type { LaneHistory, LanePresence, StaffSessionInfo, StaffSignedOutReason, StationOverview } from './staff.js';
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
}

export interface ServerToClient {
  'device:hello': (hello: DeviceHello) => void;
  'lane:snapshot': (snapshot: LaneSnapshot) => void;
  /** To watching stations: a lane's kiosk came or went. */
  'lane:presence': (presence: LanePresence) => void;
  /** The staff session on this device ended (idle, deactivated, device revoked). */
  'staff:signedOut': (info: { reason: StaffSignedOutReason }) => void;
}

/** Names of the events whose payload schema lives in payloads.ts, for the hub's dispatcher. */
export type ClientEventName = keyof ClientToServer;

/** The handshake auth every device sends: `io(url, { auth: { token } })`. */
export interface HandshakeAuth {
  token: string;
}
