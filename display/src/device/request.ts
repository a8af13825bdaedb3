// The display's one way to ask the hub anything. A customer display is read-only (sync, promotions); the attendant
// station also sends staff:* events, which the hub refuses without a signed-in staff member on a staff device.
import { type AckOf, type HubSocket, type PayloadOf, type RequestEvent, request as send } from '@selfserve/ui';

/** The type makes any other event a compile error; display code sends through here, never @selfserve/ui's request. */
export type DisplayRequest = Extract<RequestEvent, 'lane:sync' | 'catalog:promotions'>;

export function request<E extends DisplayRequest>(s: HubSocket, event: E, payload: PayloadOf<E>): Promise<AckOf<E>> {
  return send(s, event, payload);
}

/** What the attendant station may send: the staff events only, never a shopper's lane:* ones. */
export type StationRequest = Extract<RequestEvent, `staff:${string}`>;

export function stationRequest<E extends StationRequest>(s: HubSocket, event: E, payload: PayloadOf<E>): Promise<AckOf<E>> {
  return send(s, event, payload);
}
