/** Wraps each socket event: rate limit → schema → permission → one service call → coded ack. */
import { DomainError, fail, ok, type Ack } from '@selfserve/shared';
import type { z } from 'zod';
import type { Logger } from 'pino';
import type { DeviceIdentity } from '../../services/devices.service.js';
import type { RateLimiter } from './rate-limit.js';

export interface HandlerContext {
  device: DeviceIdentity;
  limiter: RateLimiter;
  log: Logger;
}

type Permission = (device: DeviceIdentity) => string | null;

/** Only a lane's kiosk may change its basket. */
export const kioskOnly: Permission = (d) => (d.kind === 'kiosk' && d.laneId ? null : 'only the lane\'s kiosk may change its basket');
/** Any device bound to a lane may read it. */
export const laneDevice: Permission = (d) => (d.laneId ? null : 'this device belongs to no lane');

export function handler<S extends z.ZodType, T>(
  ctx: HandlerContext,
  event: string,
  schema: S,
  permission: Permission,
  run: (payload: z.output<S>, device: DeviceIdentity & { laneId: string }) => Promise<T>,
) {
  return async (payload: unknown, ack: unknown): Promise<void> => {
    if (typeof ack !== 'function') {
      ctx.log.warn({ event, device: ctx.device.deviceId }, 'event without an ack callback ignored');
      return;
    }
    const answer = ack as (a: Ack<T>) => void;
    if (!ctx.limiter.take(ctx.device.deviceId)) return answer(fail('rate-limited', 'too many requests from this device; slow down'));
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return answer(fail('bad-payload', `${event}: ${where}${issue?.message ?? 'invalid payload'}`));
    }
    const refusal = permission(ctx.device);
    if (refusal) return answer(fail('unauthorized', refusal));
    try {
      answer(ok(await run(parsed.data, ctx.device as DeviceIdentity & { laneId: string })));
    } catch (err) {
      if (err instanceof DomainError) return answer(fail(err.code, err.message, err.detail));
      ctx.log.error({ err, event, device: ctx.device.deviceId }, 'handler failed');
      answer(fail('internal', 'the hub could not do this; staff can see why in its log'));
    }
  };
}
