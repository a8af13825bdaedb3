// The display's one way to ask the hub anything: a display is read-only, so it may only read (sync, promotions).
import { type AckOf, type HubSocket, type PayloadOf, type RequestEvent, request as send } from '@selfserve/ui';

/** The type makes any other event a compile error; display code sends through here, never @selfserve/ui's request. */
export type DisplayRequest = Extract<RequestEvent, 'lane:sync' | 'catalog:promotions'>;

export function request<E extends DisplayRequest>(s: HubSocket, event: E, payload: PayloadOf<E>): Promise<AckOf<E>> {
  return send(s, event, payload);
}
