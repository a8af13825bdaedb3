// The staff session of this browser tab, kept in sessionStorage so a reload can resume it (and a closed tab forgets it).

export interface SavedSession {
  session: string;
  csrf: string;
}

const KEY = 'selfserve.station.session';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage disabled by the browser's policy: a reload then asks to sign in again
  }
}

export function readSession(): SavedSession | null {
  try {
    const raw = storage()?.getItem(KEY);
    const v = raw ? (JSON.parse(raw) as Partial<SavedSession>) : null;
    return typeof v?.session === 'string' && typeof v.csrf === 'string' ? { session: v.session, csrf: v.csrf } : null;
  } catch {
    return null;
  }
}

export function saveSession(s: SavedSession | null): void {
  try {
    if (s) storage()?.setItem(KEY, JSON.stringify(s));
    else storage()?.removeItem(KEY);
  } catch {
    // Not kept: only a reload loses the session.
  }
}
