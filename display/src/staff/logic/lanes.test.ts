// The station keeps each lane's newest snapshot and its kiosk's presence.
import type { LaneOverview, LaneSnapshot } from '@selfserve/shared';
import { describe, expect, it } from 'vitest';
import { fromOverview, laneList, withPresence, withSnapshot } from './lanes.js';

const snap = (laneId: string, version: number): LaneSnapshot => ({
  laneId,
  version,
  status: 'idle',
  visitId: null,
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
  updatedAt: '2025-03-01T08:00:00.000Z',
});
const overview = (laneId: string, name: string, version = 1): LaneOverview => ({ laneId, name, mode: 'checkout', online: true, snapshot: snap(laneId, version) });

describe('the lanes a station watches', () => {
  it('takes a newer snapshot of a lane and drops an older one that arrives late', () => {
    const lanes = fromOverview([overview('lane-1', 'Lane 1', 5)]);
    const newer = withSnapshot(lanes, snap('lane-1', 6));
    expect(newer['lane-1']?.snapshot.version).toBe(6);
    expect(withSnapshot(newer, snap('lane-1', 5))).toBe(newer);
  });

  it('keeps a lane it was not told about, under its id', () => {
    const lanes = withSnapshot(fromOverview([]), snap('lane-9', 1));
    expect(lanes['lane-9']).toMatchObject({ name: 'lane-9', online: true });
  });

  it('follows a lane\'s kiosk coming and going', () => {
    const lanes = withPresence(fromOverview([overview('lane-1', 'Lane 1')]), { laneId: 'lane-1', online: false });
    expect(lanes['lane-1']?.online).toBe(false);
  });

  it('lists lanes by name with numbers in numeric order', () => {
    const lanes = fromOverview([overview('l10', 'Lane 10'), overview('l2', 'Lane 2'), overview('l1', 'Lane 1')]);
    expect(laneList(lanes).map((l) => l.name)).toEqual(['Lane 1', 'Lane 2', 'Lane 10']);
  });
});
