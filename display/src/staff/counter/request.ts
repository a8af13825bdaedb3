// What the station's Counter tab may send besides the staff events: the orders watch, finding, paying, handing out and cancelling orders.
import { type AckOf, type HubSocket, type PayloadOf, type RequestEvent, request as send } from '@selfserve/ui';
import type { StationRequest } from '../../device/request.js';

/** The type makes any other event a compile error; never a kiosk's order:add or a kitchen's bump. */
export type CounterRequest = Extract<RequestEvent, 'orders:watch' | 'counter:find' | 'counter:pay' | 'counter:release' | 'order:handOver' | 'order:cancel'>;

/** Everything a signed-in station sends: the staff events and the counter's. */
export type StaffStationRequest = StationRequest | CounterRequest;

export function staffStationRequest<E extends StaffStationRequest>(s: HubSocket, event: E, payload: PayloadOf<E>): Promise<AckOf<E>> {
  return send(s, event, payload);
}
