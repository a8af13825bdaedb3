// Sending to the hub from the kiosk: an intent with its idempotency key and one retry, or a single question.
import type { Ack, ErrorCode } from '@selfserve/shared';
import { type HubSocket, newIdempotencyKey } from '@selfserve/ui';

/** The hub's error codes, plus the two a client finds out by itself. */
export type KioskErrorCode = ErrorCode | 'timeout' | 'offline';

export type Sent<T> = { ok: true; data: T } | { ok: false; error: { code: KioskErrorCode; message: string } };

const refused = (code: KioskErrorCode, message: string): Sent<never> => ({ ok: false, error: { code, message } });

/**
 * Sends one intent with a fresh idempotency key. A lost answer is retried once with the same key, so the
 * hub applies it at most once; nothing is sent while offline, so no intent is replayed later.
 */
export async function sendIntent<T>(s: HubSocket | null, emit: (s: HubSocket, key: string) => Promise<Ack<T>>): Promise<Sent<T>> {
  if (!s?.connected) return refused('offline', 'not connected to the hub');
  const key = newIdempotencyKey();
  for (let attempt = 0; attempt < 2 && s.connected; attempt++) {
    try {
      return await emit(s, key);
    } catch {
      // Timed out: try once more with the same key.
    }
  }
  return refused('timeout', 'the hub did not answer in time');
}

/** Asks once, without a key: a sign-in is not retried behind the person's back (each try counts). */
export async function ask<T>(s: HubSocket | null, emit: (s: HubSocket) => Promise<Ack<T>>): Promise<Sent<T>> {
  if (!s?.connected) return refused('offline', 'not connected to the hub');
  try {
    return await emit(s);
  } catch {
    return refused('timeout', 'the hub did not answer in time');
  }
}
