// Snapshot ordering: a client keeps the newest lane snapshot and drops older ones that arrive late.
import type { LaneSnapshot } from '@selfserve/shared';
import { describe, expect, it } from 'vitest';
import { shouldAccept } from './snapshot.js';

const snap = (version: number, laneId = 'lane-1'): LaneSnapshot => ({
  laneId,
  version,
  status: 'scanning',
  visitId: 'v1',
  lines: [],
  adjustments: [],
  totals: { currency: 'DKK', gross: 0, discount: 0, total: 0, vat: [], itemCount: 0 },
  requiredAge: null,
  interventions: [],
  member: null,
  coupons: [],
  payment: null,
  receipt: null,
  printer: null,
  dining: null,
  order: null,
  updatedAt: '2025-01-01T00:00:00.000Z',
});

describe('which lane snapshot a client keeps', () => {
  it('takes the first snapshot it sees', () => {
    expect(shouldAccept(null, snap(3), false)).toBe(true);
  });

  it('takes a newer version and drops an older one that arrives late', () => {
    expect(shouldAccept(snap(5), snap(6), false)).toBe(true);
    expect(shouldAccept(snap(6), snap(5), false)).toBe(false);
  });

  it('takes the first snapshot after a reconnect even if the hub restarted its count', () => {
    expect(shouldAccept(snap(40), snap(2), true)).toBe(true);
  });

  it('takes a snapshot of another lane (the device was moved)', () => {
    expect(shouldAccept(snap(40, 'lane-1'), snap(2, 'lane-2'), false)).toBe(true);
  });
});
