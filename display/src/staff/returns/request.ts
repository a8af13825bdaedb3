// What the store day adds to what a signed-in station may send: returns and refunds, X and Z reports.
import { type AckOf, type HubSocket, type PayloadOf, type RequestEvent, request as send } from '@selfserve/ui';
import type { StaffStationRequest } from '../counter/request.js';

/** The hub checks the role (sale:refund, reports:read, reports:close) on each; the type keeps out every other event. */
export type StoreDayRequest = Extract<RequestEvent, 'returns:find' | 'returns:quote' | 'returns:refund' | 'reports:x' | 'reports:z' | 'reports:list'>;

/** Everything the station sends: the staff events, the counter's and the store day's. */
export type StationSendable = StaffStationRequest | StoreDayRequest;

export function stationSend<E extends StationSendable>(s: HubSocket, event: E, payload: PayloadOf<E>): Promise<AckOf<E>> {
  return send(s, event, payload);
}
