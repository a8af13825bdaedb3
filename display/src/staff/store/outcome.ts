// One shape for what a staff request came to, whether the hub answered with an error or did not answer at all.
import type { Ack, ErrorCode } from '@selfserve/shared';

/** The hub's codes, plus offline (no socket) and no-answer (the ack timed out). */
export type StationErrorCode = ErrorCode | 'offline' | 'no-answer';

export type Outcome<T> = { ok: true; data: T } | { ok: false; code: StationErrorCode };

export async function outcome<T>(ack: Promise<Ack<T>>): Promise<Outcome<T>> {
  try {
    const a = await ack;
    return a.ok ? { ok: true, data: a.data } : { ok: false, code: a.error.code };
  } catch {
    return { ok: false, code: 'no-answer' };
  }
}
