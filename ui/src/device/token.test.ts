// Pairing token rules: the URL pairs (and re-pairs) a screen, storage keeps it across reloads.
import { describe, expect, it } from 'vitest';
import { type TokenStorage, resolveToken } from './token.js';

const KEY = 'selfserve.test.token';
const memory = (initial: Record<string, string> = {}): TokenStorage & { data: Record<string, string> } => {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
};

describe('device pairing token', () => {
  it('takes the token from ?token=, stores it and gives an address without it', () => {
    const storage = memory();
    const r = resolveToken(new URL('http://hub:3000/display/?mode=lane&token=abc123#x'), storage, KEY);
    expect(r).toEqual({ token: 'abc123', cleanUrl: '/display/?mode=lane#x' });
    expect(storage.data[KEY]).toBe('abc123');
  });

  it('a reload without the query uses the stored token', () => {
    const r = resolveToken(new URL('http://hub:3000/kiosk/'), memory({ [KEY]: 'abc123' }), KEY);
    expect(r).toEqual({ token: 'abc123', cleanUrl: null });
  });

  it('a token in the URL replaces the stored one (re-pairing)', () => {
    const storage = memory({ [KEY]: 'old' });
    expect(resolveToken(new URL('http://hub/kiosk/?token=new'), storage, KEY).token).toBe('new');
    expect(storage.data[KEY]).toBe('new');
  });

  it('no token anywhere means unpaired', () => {
    expect(resolveToken(new URL('http://hub/kiosk/?token='), memory(), KEY).token).toBeNull();
  });

  it('without working storage the token is used but left in the address, so a reload still works', () => {
    const broken: TokenStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(resolveToken(new URL('http://hub/kiosk/?token=abc'), broken, KEY)).toEqual({ token: 'abc', cleanUrl: null });
  });
});
