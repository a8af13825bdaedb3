import { describe, expect, it } from 'vitest';
import { ageOn } from './age-on.js';

describe('ageOn', () => {
  it('counts a birthday on the day itself, not the day before', () => {
    expect(ageOn('2008-11-29', '2026-11-29')).toBe(18);
    expect(ageOn('2008-11-30', '2026-11-29')).toBe(17);
  });
  it('someone born on 29 February turns a year older on 1 March in a common year', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
  it('a date that does not exist or lies in the future gives no age', () => {
    expect(ageOn('2008-02-30', '2026-03-01')).toBeNull();
    expect(ageOn('2030-01-01', '2026-03-01')).toBeNull();
    expect(ageOn('1.1.2000', '2026-03-01')).toBeNull();
  });
});
