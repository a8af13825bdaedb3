// The sign-in field takes a staff number or a scanned badge.
import { describe, expect, it } from 'vitest';
import { signInIdentity } from './identity.js';

describe('the sign-in field', () => {
  it('reads digits as a staff number', () => {
    expect(signInIdentity(' 1001 ', 'STF')).toEqual({ number: '1001' });
  });

  it('reads a code with the badge prefix as a badge, whatever follows', () => {
    expect(signInIdentity('STF-000123', 'STF')).toEqual({ badge: 'STF-000123' });
    expect(signInIdentity('stf1001', 'STF')).toEqual({ badge: 'stf1001' });
  });

  it('reads anything else that is not a number as a badge', () => {
    expect(signInIdentity('B-77', 'STF')).toEqual({ badge: 'B-77' });
    expect(signInIdentity('1234567890123', 'STF')).toEqual({ badge: '1234567890123' });
  });

  it('reads an empty field as nothing', () => {
    expect(signInIdentity('  ', 'STF')).toBeNull();
  });
});
