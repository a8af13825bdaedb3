// The manager view's HTTP client: the station's device token, the staff session and its CSRF token on every call,
// the PIN asked for again when the hub says reauth-required, and the hub's answers as ok/error results.

export interface ManagerAuth {
  token: string;
  session: string;
  csrf: string;
}

export interface ManagerApiDeps {
  auth(): ManagerAuth | null;
  /** Asks for the PIN (staff:reauth); true when it was proven, false when the staff member gave up. */
  reauth(): Promise<boolean>;
  /** The hub no longer knows the session: back to sign-in. */
  signedOut(): void;
  fetch?: typeof fetch;
}

export interface ApiError {
  code: string;
  message: string;
}
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

type Sent = { ok: true; res: Response } | { ok: false; error: ApiError };
export interface CallOptions {
  passive?: boolean;
}

async function readError(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as { error?: Partial<ApiError> } | null;
  const code = typeof body?.error?.code === 'string' ? body.error.code : res.status === 401 ? 'unauthorized' : 'internal';
  return { code, message: typeof body?.error?.message === 'string' ? body.error.message : `HTTP ${res.status}` };
}

export function createManagerApi(deps: ManagerApiDeps) {
  const doFetch = deps.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  /** passive: a read the station makes by itself on a timer; it never asks for the PIN nor signs out. */
  async function send(method: 'GET' | 'POST', path: string, body?: unknown, { passive = false }: CallOptions = {}): Promise<Sent> {
    for (let attempt = 0; ; attempt += 1) {
      const auth = deps.auth();
      if (!auth) return { ok: false, error: { code: 'signed-out', message: 'not signed in' } };
      const headers: Record<string, string> = { Authorization: `Bearer ${auth.token}`, 'X-Staff-Session': auth.session, 'X-CSRF-Token': auth.csrf };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      let res: Response;
      try {
        res = await doFetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
      } catch {
        return { ok: false, error: { code: 'no-answer', message: 'the hub could not be reached' } };
      }
      if (res.ok) return { ok: true, res };
      const error = await readError(res);
      // One PIN prompt per call: if the retry is refused again, that answer stands.
      if (error.code === 'reauth-required' && attempt === 0 && !passive && (await deps.reauth())) continue;
      if (error.code === 'signed-out' && !passive) deps.signedOut();
      return { ok: false, error };
    }
  }

  return {
    async json<T>(method: 'GET' | 'POST', path: string, body?: unknown, options?: CallOptions): Promise<ApiResult<T>> {
      const sent = await send(method, path, body, options);
      if (!sent.ok) return sent;
      const answer = (await sent.res.json().catch(() => null)) as ApiResult<T> | null;
      return answer?.ok === true ? { ok: true, data: answer.data } : { ok: false, error: answer?.ok === false ? answer.error : { code: 'internal', message: 'no answer body' } };
    },
    async blob(path: string): Promise<ApiResult<Blob>> {
      const sent = await send('GET', path);
      return sent.ok ? { ok: true, data: await sent.res.blob() } : sent;
    },
  };
}

export type ManagerApi = ReturnType<typeof createManagerApi>;

/** The audit filters as a query string: empty ones left out. */
export function queryString(filters: Readonly<Record<string, string | number | undefined>>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
