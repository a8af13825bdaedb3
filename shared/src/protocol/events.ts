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
}

export interface ServerToClient {
  'device:hello': (hello: DeviceHello) => void;
  'lane:snapshot': (snapshot: LaneSnapshot) => void;
}

/** Names of the events whose payload schema lives in payloads.ts, for the hub's dispatcher. */
export type ClientEventName = keyof ClientToServer;

/** The handshake auth every device sends: `io(url, { auth: { token } })`. */
export interface HandshakeAuth {
  token: string;
}
