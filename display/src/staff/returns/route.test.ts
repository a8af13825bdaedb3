// The Returns tab and the End of day tab keep their place in the address across a reload.
import { describe, expect, it } from 'vitest';
import { formatPlace, parsePlace } from './route.js';

describe('the store day places', () => {
  it('reads and writes the Returns tab and the End of day tab', () => {
    expect(parsePlace('#/returns', false)).toEqual({ kind: 'returns' });
    expect(parsePlace('#/manager/reports', false)).toEqual({ kind: 'manager', tab: 'reports' });
    expect(formatPlace({ kind: 'returns' })).toBe('#/returns');
    expect(formatPlace({ kind: 'manager', tab: 'reports' })).toBe('#/manager/reports');
  });

  it('leaves the other places to the routes they belong to', () => {
    expect(parsePlace('#/counter', false)).toEqual({ kind: 'counter' });
    expect(parsePlace('#/manager/audit', false)).toEqual({ kind: 'manager', tab: 'audit' });
    expect(parsePlace('', true)).toEqual({ kind: 'counter' });
    expect(formatPlace({ kind: 'lane', laneId: 'lane 1' })).toBe('#/lane/lane%201');
  });
});
