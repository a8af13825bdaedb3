// What the kitchen and the board may send the hub: the orders watch, bumps and recalls, and the menu's sold-out marks.
import type { Ack, ErrorCode } from '@selfserve/shared';
import { type AckOf, type HubSocket, type PayloadOf, type RequestEvent, request as send } from '@selfserve/ui';

/** The type makes any other event a compile error, as display/src/device/request.ts does for the lane and station. */
export type OrdersRequest = Extract<RequestEvent, 'orders:watch' | 'kitchen:bump' | 'kitchen:recall' | 'menu:get' | 'menu:setSoldOut'>;

type DataOf<E extends OrdersRequest> = AckOf<E> extends Ack<infer T> ? T : never;

/** The hub's codes, plus offline (no socket) and no-answer (the ack timed out). */
export type RequestErrorCode = ErrorCode | 'offline' | 'no-answer';
export type Answer<T> = { ok: true; data: T } | { ok: false; code: RequestErrorCode; message: string | null };

/** Sends one event and says what came of it, never throwing: an error ack, no socket and no answer alike. */
export async function ordersRequest<E extends OrdersRequest>(s: HubSocket | null, event: E, payload: PayloadOf<E>): Promise<Answer<DataOf<E>>> {
  if (!s?.connected) return { ok: false, code: 'offline', message: null };
  try {
    const ack = (await send(s, event, payload)) as Ack<DataOf<E>>;
    return ack.ok ? ack : { ok: false, code: ack.error.code, message: ack.error.message };
  } catch {
    return { ok: false, code: 'no-answer', message: null };
  }
}
