// The station's open part survives a reload through the address's hash.
import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from './route.js';

describe('the station\'s route in the hash', () => {
  it('round-trips a lane, a manager tab and the lane overview', () => {
    for (const r of [{ kind: 'lane', laneId: 'lane 1/ø' }, { kind: 'manager', tab: 'audit' }, { kind: 'lanes' }] as const) {
      expect(parseRoute(formatRoute(r))).toEqual(r);
    }
  });

  it('reads anything it does not know as the lane overview, and an unknown tab as the staff tab', () => {
    expect(parseRoute('#/nonsense')).toEqual({ kind: 'lanes' });
    expect(parseRoute('#/lane/')).toEqual({ kind: 'lanes' });
    expect(parseRoute('#/manager/nope')).toEqual({ kind: 'manager', tab: 'staff' });
  });
});
