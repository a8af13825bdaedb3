// Pairing rules: what each answer of the hub means to a screen that asks for its token.
import type { PairResult } from '@selfserve/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { autoPair, isPairCode, pairWithCode, readPairAnswer } from './pairing.js';

const RESULT: PairResult = { token: 'tok-123', device: { id: 'dev-1', kind: 'kiosk', laneId: 'lane-1', name: 'Kasse 1' } };
const refused = (code: string) => ({ ok: false, error: { code, message: code } });

/** Answers every fetch with `status` and `body`, and records what was asked. */
function hubAnswers(status: number, body: unknown) {
  const calls: Array<{ url: string; body: unknown }> = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, body: JSON.parse(String(init.body)) });
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  });
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('pairing a screen with a code', () => {
  it('a code is six digits, nothing else', () => {
    expect(isPairCode('123456')).toBe(true);
    for (const bad of ['12345', '1234567', '12 456', 'abcdef', '']) expect(isPairCode(bad)).toBe(false);
  });

  it('a right code gives the token and the device it pairs as', async () => {
    const calls = hubAnswers(200, { ok: true, data: RESULT });
    expect(await pairWithCode('123456')).toEqual(RESULT);
    expect(calls).toEqual([{ url: '/api/pair', body: { code: '123456' } }]);
  });

  it('a wrong, used or expired code (401) and too many tries (429) are told apart', async () => {
    hubAnswers(401, refused('unauthorized'));
    await expect(pairWithCode('123456')).rejects.toMatchObject({ failure: 'wrong-code' });
    hubAnswers(429, refused('rate-limited'));
    await expect(pairWithCode('123456')).rejects.toMatchObject({ failure: 'rate-limited' });
  });

  it('a malformed code is refused before asking the hub', async () => {
    const calls = hubAnswers(200, { ok: true, data: RESULT });
    await expect(pairWithCode('12345')).rejects.toMatchObject({ failure: 'bad-code' });
    expect(calls).toHaveLength(0);
  });

  it('an unreachable hub and an answer that is not the hub\'s are failures, not tokens', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(pairWithCode('123456')).rejects.toMatchObject({ failure: 'unreachable' });
    expect(() => readPairAnswer(502, null)).toThrow(expect.objectContaining({ failure: 'failed' }));
    expect(() => readPairAnswer(200, { ok: true, data: {} })).toThrow(expect.objectContaining({ failure: 'failed' }));
  });
});

describe('pairing by address (demo store only)', () => {
  it('the demo hub pairs the screen as the kind and lane it asks for', async () => {
    const calls = hubAnswers(200, { ok: true, data: RESULT });
    expect(await autoPair('kiosk', 'lane-1')).toEqual(RESULT);
    expect(calls).toEqual([{ url: '/api/pair/auto', body: { kind: 'kiosk', laneId: 'lane-1' } }]);
  });

  it('a hub that is not in demo mode (403, or 404 without the route) gives nothing, so the code form shows', async () => {
    hubAnswers(403, refused('unauthorized'));
    expect(await autoPair('display')).toBeNull();
    hubAnswers(404, refused('not-found'));
    expect(await autoPair('staff')).toBeNull();
  });

  it('without a lane, none is sent', async () => {
    const calls = hubAnswers(403, refused('unauthorized'));
    await autoPair('staff');
    expect(calls[0]?.body).toEqual({ kind: 'staff' });
  });
});
