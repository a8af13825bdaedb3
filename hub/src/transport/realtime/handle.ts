/** Wraps each socket event: rate limit → schema → permission → one service call → coded ack. */
import { DomainError, fail, mayDo, ok, type Ack, type StaffAction } from '@selfserve/shared';
import type { z } from 'zod';
import type { Logger } from 'pino';
import type { DeviceIdentity } from '../../services/devices.service.js';
import type { RateLimiter } from './rate-limit.js';
import { isStorageFull } from '../../storage/db.js';
import type { StaffSession, StaffSessions } from '../../services/staff/sessions.js';

export interface HandlerContext {
  device: DeviceIdentity;
  limiter: RateLimiter;
  /** This socket's logger: every line carries its deviceId, laneId and kind. */
  log: Logger;
  /** Told of every answer given, e.g. to count scans by outcome. */
  answered?: (event: string, answer: Ack<unknown>) => void;
  sessions: StaffSessions;
  /** The staff session this socket signed in (or resumed), if any. */
  session: () => string | undefined;
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
  return wrap(ctx, event, schema, (payload) => {
    const refusal = permission(ctx.device);
    if (refusal) throw new DomainError('unauthorized', refusal);
    return run(payload, ctx.device as DeviceIdentity & { laneId: string });
  });
}

/**
 * A staff event: a display never; a kiosk for its own lane only; the device's live staff session must
 * allow `action` (null: any signed-in staff member). The session counts as active again.
 */
export function staffHandler<S extends z.ZodType, T>(
  ctx: HandlerContext,
  event: string,
  schema: S,
  rule: { action: StaffAction | null; stationOnly?: boolean },
  run: (payload: z.output<S>, session: StaffSession) => Promise<T>,
) {
  return wrap(ctx, event, schema, (payload) => {
    const { device } = ctx;
    if (device.kind === 'display' || (rule.stationOnly && device.kind !== 'staff')) throw new DomainError('unauthorized', `a ${device.kind} cannot ${event}`);
    const session = ctx.sessions.get(ctx.session(), device.deviceId);
    if (!session) throw new DomainError('signed-out', 'sign in as staff first (or again: the session ended)');
    if (rule.action && !mayDo(session.staff.role, rule.action)) throw new DomainError('unauthorized', `a ${session.staff.role} may not ${rule.action}`);
    const laneId = (payload as { laneId?: unknown }).laneId;
    if (device.kind === 'kiosk' && laneId !== undefined && laneId !== device.laneId) throw new DomainError('unauthorized', "staff at a lane's kiosk act on that lane only");
    ctx.sessions.touch(session);
    return run(payload, session);
  });
}

function wrap<S extends z.ZodType, T>(ctx: HandlerContext, event: string, schema: S, run: (payload: z.output<S>) => Promise<T>) {
  return async (payload: unknown, ack: unknown): Promise<void> => {
    if (typeof ack !== 'function') {
      ctx.log.warn({ event }, 'event without an ack callback ignored');
      return;
    }
    const answer = (a: Ack<T>) => {
      (ack as (a: Ack<T>) => void)(a);
      ctx.answered?.(event, a);
    };
    if (!ctx.limiter.take(ctx.device.deviceId)) return answer(fail('rate-limited', 'too many requests from this device; slow down'));
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return answer(fail('bad-payload', `${event}: ${where}${issue?.message ?? 'invalid payload'}`));
    }
    try {
      answer(ok(await run(parsed.data)));
    } catch (err) {
      if (err instanceof DomainError) return answer(fail(err.code, err.message, err.detail));
      if (isStorageFull(err)) {
        ctx.log.error({ event }, 'disk full: a change could not be saved');
        return answer(fail('storage-full', 'the hub cannot save anything: its disk is full. Nothing was changed; call staff'));
      }
      ctx.log.error({ err, event }, 'handler failed');
      answer(fail('internal', 'the hub could not do this; staff can see why in its log'));
    }
  };
}
