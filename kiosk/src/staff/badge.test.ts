// A staff badge scanned at a lane opens staff sign-in; everything else is still an item.
import { describe, expect, it } from 'vitest';
import { isStaffBadge } from './badge.js';

describe('staff badge recognition', () => {
  it('a code with the store\'s badge prefix is a badge, whatever follows', () => {
    expect(isStaffBadge('STFA1001', 'STF')).toBe(true);
    expect(isStaffBadge('STF-77', 'STF')).toBe(true);
    expect(isStaffBadge(' STFA1001 ', 'STF')).toBe(true);
  });

  it('items, member cards and coupons are not badges', () => {
    for (const code of ['5700000000014', 'LOY10000001', 'CPN-WELCOME10', '4011']) expect(isStaffBadge(code, 'STF')).toBe(false);
  });

  it('the prefix alone is no badge, and neither is a prefix in another case or place', () => {
    expect(isStaffBadge('STF', 'STF')).toBe(false);
    expect(isStaffBadge('stfA1001', 'STF')).toBe(false);
    expect(isStaffBadge('A1001STF', 'STF')).toBe(false);
  });

  it('without a prefix from the hub nothing is a badge', () => {
    expect(isStaffBadge('STFA1001', undefined)).toBe(false);
    expect(isStaffBadge('STFA1001', '')).toBe(false);
  });
});
