// One shape for what a staff request came to, whether the hub answered with an error or did not answer at all.
import type { Ack, ErrorCode } from '@selfserve/shared';

/** The hub's codes, plus offline (no socket) and no-answer (the ack timed out). */
export type StationErrorCode = ErrorCode | 'offline' | 'no-answer';

/**
 * A refusal keeps the hub's own message beside its code: the code picks the station's words (in its language), the
 * message is the hub's English detail ("only 1 of Milk can still be returned"). The station's own codes have none.
 */
export type Outcome<T> = { ok: true; data: T } | { ok: false; code: StationErrorCode; message?: string };

/** A refusal as a tab keeps it to show: its code, and the hub's message when there is one. */
export type Refusal = Omit<Extract<Outcome<never>, { ok: false }>, 'ok'>;

export async function outcome<T>(ack: Promise<Ack<T>>): Promise<Outcome<T>> {
  try {
    const a = await ack;
    return a.ok ? { ok: true, data: a.data } : { ok: false, code: a.error.code, message: a.error.message };
  } catch {
    return { ok: false, code: 'no-answer' };
  }
}
