// The manager view's calls carry the station's credentials, ask for the PIN once when the hub wants it, and sign out when it must.
import { describe, expect, it, vi } from 'vitest';
import { type ManagerApiDeps, createManagerApi, queryString } from './api.js';

const AUTH = { token: 'device-token', session: 'session-id', csrf: 'csrf-token' };
const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const refusal = (status: number, code: string) => answer(status, { ok: false, error: { code, message: code } });

function api(responses: Response[], over: Partial<ManagerApiDeps> = {}) {
  const calls: Array<{ path: string; init: RequestInit }> = [];
  const fetch = vi.fn(async (path: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ path: String(path), init: init ?? {} });
    const next = responses.shift();
    if (!next) throw new Error('no more answers');
    return next;
  });
  const deps: ManagerApiDeps = { auth: () => AUTH, reauth: vi.fn(async () => true), signedOut: vi.fn(), fetch, ...over };
  return { client: createManagerApi(deps), calls, deps };
}

describe('the manager view\'s HTTP calls', () => {
  it('send the device token, the staff session and the CSRF token, and a JSON body', async () => {
    const { client, calls } = api([answer(200, { ok: true, data: { pin: '123456' } })]);
    const r = await client.json('POST', '/api/manager/staff', { number: '1002' });
    expect(r).toEqual({ ok: true, data: { pin: '123456' } });
    expect(calls[0]?.init.headers).toMatchObject({ Authorization: 'Bearer device-token', 'X-Staff-Session': 'session-id', 'X-CSRF-Token': 'csrf-token', 'Content-Type': 'application/json' });
    expect(calls[0]?.init.body).toBe('{"number":"1002"}');
  });

  it('ask for the PIN when the hub wants it again, then retry the same call once', async () => {
    const { client, calls, deps } = api([refusal(401, 'reauth-required'), answer(200, { ok: true, data: [] })]);
    expect(await client.json('GET', '/api/manager/staff')).toEqual({ ok: true, data: [] });
    expect(deps.reauth).toHaveBeenCalledOnce();
    expect(calls.map((c) => c.path)).toEqual(['/api/manager/staff', '/api/manager/staff']);
  });

  it('give up when the staff member does not type the PIN', async () => {
    const { client, calls } = api([refusal(401, 'reauth-required')], { reauth: async () => false });
    expect(await client.json('GET', '/api/manager/staff')).toMatchObject({ ok: false, error: { code: 'reauth-required' } });
    expect(calls).toHaveLength(1);
  });

  it('send the station back to sign-in when the session ended', async () => {
    const { client, deps } = api([refusal(401, 'signed-out')]);
    expect(await client.json('GET', '/api/manager/devices')).toMatchObject({ ok: false, error: { code: 'signed-out' } });
    expect(deps.signedOut).toHaveBeenCalledOnce();
  });

  it('never ask for the PIN nor sign out for a read the station makes by itself (the upstream panel)', async () => {
    const { client, calls, deps } = api([refusal(401, 'reauth-required'), refusal(401, 'signed-out')]);
    expect(await client.json('GET', '/api/manager/upstream', undefined, { passive: true })).toMatchObject({ ok: false, error: { code: 'reauth-required' } });
    expect(await client.json('GET', '/api/manager/upstream', undefined, { passive: true })).toMatchObject({ ok: false, error: { code: 'signed-out' } });
    expect(deps.reauth).not.toHaveBeenCalled();
    expect(deps.signedOut).not.toHaveBeenCalled();
    expect(calls).toHaveLength(2);
  });

  it('say no-answer when the hub cannot be reached, and the hub\'s code otherwise', async () => {
    const { client } = api([refusal(409, 'duplicate')]);
    expect(await client.json('POST', '/api/manager/staff', {})).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    expect(await client.json('GET', '/api/manager/staff')).toMatchObject({ ok: false, error: { code: 'no-answer' } });
  });

  it('leave empty audit filters out of the query', () => {
    expect(queryString({ from: '2025-03-01T00:00:00.000Z', actor: '', laneId: undefined, limit: 100 })).toBe('?from=2025-03-01T00%3A00%3A00.000Z&limit=100');
    expect(queryString({ actor: '' })).toBe('');
  });
});
