/** Answers the packets no handler would: an event nobody handles, or arguments not shaped (payload, ack). */
import { fail } from '@selfserve/shared';
import type { HandlerContext } from './handle.js';
import type { HubSocket } from './index.js';

/**
 * Socket.IO calls a handler with the packet's arguments as sent, the ack last. Without this, a client
 * that sends an unknown event, no payload or two payloads waits for an answer that never comes. Each
 * such packet costs the device a token like any event, so a flood of them is refused the same way.
 */
export function answerStrayPackets(socket: HubSocket, ctx: HandlerContext): void {
  socket.use((packet, next) => {
    const [event, ...args] = packet as unknown[];
    const ack = args.at(-1);
    // Nothing to answer: a known event's handler logs and ignores it; an unknown one is dropped.
    if (typeof ack !== 'function') return next();
    const known = typeof event === 'string' && socket.listenerCount(event as never) > 0;
    if (known && args.length === 2) return next();
    // No payload at all: the handler's schema refuses the missing payload with a code.
    if (known && args.length === 1) {
      packet.splice(1, 0, undefined);
      return next();
    }
    const answer = ack as (a: unknown) => void;
    if (!ctx.limiter.take(ctx.device.deviceId)) return answer(fail('rate-limited', 'too many requests from this device; slow down'));
    const name = String(event).slice(0, 64);
    answer(fail('bad-payload', known ? `${name}: send one payload and an ack` : `no such event: ${name}`));
  });
}
