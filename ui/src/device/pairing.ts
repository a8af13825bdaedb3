// Pairing a screen with the hub over HTTP: a one-time code from the manager's screen (or, in the demo, the address alone) gives its token.
import type { DeviceKind, PairResult } from '@selfserve/shared';

/** Why a pairing code did not give a token, in the terms the pairing screen explains. */
export type PairFailure = 'wrong-code' | 'bad-code' | 'rate-limited' | 'unreachable' | 'failed';

export class PairingError extends Error {
  constructor(
    readonly failure: PairFailure,
    message: string,
  ) {
    super(message);
    this.name = 'PairingError';
  }
}

/** A pairing code is exactly six digits. */
export const PAIR_CODE_LENGTH = 6;
export const isPairCode = (code: string): boolean => new RegExp(`^\\d{${PAIR_CODE_LENGTH}}$`).test(code);

type Answer = { ok: true; data: PairResult } | { ok: false; error: { code: string; message: string } };

/** Reads the hub's answer to POST /api/pair: the result, or the failure its status stands for. */
export function readPairAnswer(status: number, body: unknown): PairResult {
  const answer = body as Partial<Answer> | null;
  if (status >= 200 && status < 300 && answer?.ok === true && typeof answer.data?.token === 'string') return answer.data;
  const message = answer?.ok === false && answer.error ? answer.error.message : `the hub answered ${status}`;
  if (status === 401) throw new PairingError('wrong-code', message);
  if (status === 429) throw new PairingError('rate-limited', message);
  if (status === 400) throw new PairingError('bad-code', message);
  throw new PairingError('failed', message);
}

async function post(path: string, body: unknown): Promise<{ status: number; body: unknown }> {
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new PairingError('unreachable', 'the hub could not be reached');
  }
  // A proxy's HTML error page is no answer of the hub's: the status alone says what happened.
  return { status: res.status, body: await res.json().catch(() => null) };
}

/** Exchanges the manager's one-time code for this screen's token; throws a PairingError saying why not. */
export async function pairWithCode(code: string): Promise<PairResult> {
  if (!isPairCode(code)) throw new PairingError('bad-code', 'a pairing code has 6 digits');
  const { status, body } = await post('/api/pair', { code });
  return readPairAnswer(status, body);
}

/**
 * The demo store pairs a screen on the hub's own machine by what its address says. Anywhere else the hub
 * refuses (403, or 404 without the route), and so does a hub we cannot reach: null, the code form follows.
 */
export async function autoPair(kind: DeviceKind, laneId?: string): Promise<PairResult | null> {
  try {
    const { status, body } = await post('/api/pair/auto', laneId ? { kind, laneId } : { kind });
    return readPairAnswer(status, body);
  } catch {
    return null;
  }
}

/** Keeps the token where useDeviceLane reads it after a reload; false when the browser's storage refused. */
export function storeDeviceToken(storageKey: string, token: string): boolean {
  try {
    window.localStorage.setItem(storageKey, token);
    return true;
  } catch {
    return false;
  }
}
