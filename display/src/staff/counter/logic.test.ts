// The counter reads a card payment's progress from its lane's snapshot, and uses the counter lane chosen before.
import type { LaneOverview, LaneSnapshot } from '@selfserve/shared';
import { describe, expect, it } from 'vitest';
import { cardPhase, counterLanes, pickLane } from './logic.js';

const lane = (laneId: string, mode: LaneOverview['mode'], snap: Partial<LaneSnapshot> = {}): LaneOverview =>
  ({ laneId, name: laneId, mode, online: true, snapshot: { laneId, status: 'idle', order: null, payment: null, ...snap } as LaneSnapshot });

const payment = (state: 'waiting' | 'declined', reason: string | null = null) =>
  ({ saleId: 's1', state, amount: 8900, reason, brand: null, maskedPan: null, entryMode: null, deviceId: null, failures: 0 });

describe('a card payment at the counter', () => {
  it('is free while the counter lane pays nothing', () => {
    expect(cardPhase(lane('c1', 'counter'), 'o1', null)).toEqual({ kind: 'free' });
    expect(cardPhase(null, 'o1', null)).toEqual({ kind: 'free' });
  });

  it('follows the terminal for the order the lane holds', () => {
    const paying = lane('c1', 'counter', { status: 'payment', order: { id: 'o1', number: 41, payAt: 'counter' }, payment: payment('declined', 'Refused') });
    expect(cardPhase(paying, 'o1', null)).toEqual({ kind: 'paying', state: 'declined', reason: 'Refused' });
    expect(cardPhase(paying, 'o2', null)).toEqual({ kind: 'busy', number: 41 });
  });

  it('falls back to the order this station started paying when the snapshot names none', () => {
    const paying = lane('c1', 'counter', { status: 'payment', payment: payment('waiting') });
    expect(cardPhase(paying, 'o1', 'o1')).toEqual({ kind: 'paying', state: 'waiting', reason: null });
    expect(cardPhase(paying, 'o1', 'o2')).toEqual({ kind: 'busy', number: null });
  });
});

describe('the counter lane', () => {
  it('is the one chosen before while it exists, else the first counter lane', () => {
    const lanes = counterLanes([lane('lane-1', 'checkout'), lane('c1', 'counter'), lane('c2', 'counter')]);
    expect(lanes.map((l) => l.laneId)).toEqual(['c1', 'c2']);
    expect(pickLane(lanes, 'c2')?.laneId).toBe('c2');
    expect(pickLane(lanes, 'gone')?.laneId).toBe('c1');
    expect(pickLane([], null)).toBeNull();
  });
});
