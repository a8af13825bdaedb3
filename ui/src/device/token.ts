// The device's pairing token: taken from ?token= on first load, then kept in localStorage across reloads.

export const TOKEN_PARAM = 'token';

/** The part of Web Storage we use; a parameter so the rule can be tested without a browser. */
export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface ResolvedToken {
  token: string | null;
  /** The address without the token, when it was safely stored and may leave the address bar. */
  cleanUrl: string | null;
}

/** A token in the URL wins (that is how a screen is re-paired); otherwise the stored one is used. */
export function resolveToken(url: URL, storage: TokenStorage | null, storageKey: string): ResolvedToken {
  const fromUrl = url.searchParams.get(TOKEN_PARAM)?.trim() || null;
  if (!fromUrl) return { token: readStored(storage, storageKey), cleanUrl: null };
  if (!store(storage, storageKey, fromUrl)) return { token: fromUrl, cleanUrl: null };
  const clean = new URL(url);
  clean.searchParams.delete(TOKEN_PARAM);
  return { token: fromUrl, cleanUrl: clean.pathname + clean.search + clean.hash };
}

function readStored(storage: TokenStorage | null, key: string): string | null {
  try {
    return storage?.getItem(key)?.trim() || null;
  } catch {
    return null; // storage disabled by the browser's policy
  }
}

function store(storage: TokenStorage | null, key: string, token: string): boolean {
  try {
    storage?.setItem(key, token);
    return storage !== null;
  } catch {
    return false;
  }
}

/** Reads the token in the browser and takes it out of the address bar, so it is not shown or bookmarked. */
export function readDeviceToken(storageKey: string): string | null {
  let storage: TokenStorage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null;
  }
  const { token, cleanUrl } = resolveToken(new URL(window.location.href), storage, storageKey);
  if (cleanUrl) window.history.replaceState(window.history.state, '', cleanUrl);
  return token;
}
