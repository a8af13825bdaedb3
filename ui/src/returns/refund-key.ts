// The idempotency key a refund is sent with: a refund the hub did not answer goes again with its key, so it happens at most once.
import type { RefundMethod } from '@selfserve/shared';
import { newIdempotencyKey } from '../device/key.js';

/** What makes two refunds the same one: the sale, how it is paid back, and the lines in the order sent. */
export interface RefundRequest {
  saleId: string;
  method: RefundMethod;
  lines: ReadonlyArray<{ lineId: string; quantity: number }>;
}

/**
 * A sender of refunds that remembers the key of one left unanswered (`lost` says which answers those are,
 * in the app's own codes) and sends the same refund again with it; any other refund, or any answer, gets a new key.
 */
export function refundSender(newKey: () => string = newIdempotencyKey) {
  let held: { key: string; request: string } | null = null;
  return async <T>(req: RefundRequest, send: (key: string) => Promise<T>, lost: (answer: T) => boolean): Promise<T> => {
    const request = JSON.stringify([req.saleId, req.method, req.lines.map((l) => [l.lineId, l.quantity])]);
    const key = held?.request === request ? held.key : newKey();
    const answer = await send(key);
    held = lost(answer) ? { key, request } : null;
    return answer;
  };
}
