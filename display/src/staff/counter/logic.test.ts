// The counter reads a card payment's progress from its lane's snapshot, and uses the counter lane chosen before.
import type { LaneOverview, LaneSnapshot } from '@selfserve/shared';
import { describe, expect, it } from 'vitest';
import { cardPhase, counterLanes, pickLane } from './logic.js';

const lane = (laneId: string, mode: LaneOverview['mode'], snap: Partial<LaneSnapshot> = {}): LaneOverview =>
  ({ laneId, name: laneId, mode, online: true, snapshot: { laneId, status: 'idle', visitId: null, order: null, payment: null, ...snap } as LaneSnapshot });

const payment = (state: 'waiting' | 'declined', reason: string | null = null) =>
  ({ saleId: 's1', state, amount: 8900, reason, brand: null, maskedPan: null, entryMode: null, deviceId: null, failures: 0 });

describe('a card payment at the counter', () => {
  it('is free while the counter lane holds no order', () => {
    expect(cardPhase(lane('c1', 'counter'), 'o1', null)).toEqual({ kind: 'free' });
    expect(cardPhase(lane('c1', 'counter', { status: 'finished', visitId: 'v0', payment: payment('waiting') }), 'o1', 'o1')).toEqual({ kind: 'free' });
    expect(cardPhase(null, 'o1', null)).toEqual({ kind: 'free' });
  });

  it('follows the terminal for the order this station started paying, a refused card included', () => {
    const waiting = lane('c1', 'counter', { status: 'payment', visitId: 'v1', payment: payment('waiting') });
    expect(cardPhase(waiting, 'o1', 'o1')).toEqual({ kind: 'paying', state: 'waiting', reason: null });
    const declined = lane('c1', 'counter', { status: 'scanning', visitId: 'v1', payment: payment('declined', 'Refused') });
    expect(cardPhase(declined, 'o1', 'o1')).toEqual({ kind: 'paying', state: 'declined', reason: 'Refused' });
  });

  it('is busy while the lane holds another order, named when the snapshot names it', () => {
    const other = lane('c1', 'counter', { status: 'payment', visitId: 'v1', payment: payment('waiting') });
    expect(cardPhase(other, 'o2', 'o1')).toEqual({ kind: 'busy', number: null });
    expect(cardPhase(other, 'o2', null)).toEqual({ kind: 'busy', number: null });
    const named = lane('c1', 'counter', { status: 'payment', visitId: 'v1', order: { id: 'o1', number: 41, payAt: 'counter' } });
    expect(cardPhase(named, 'o2', null)).toEqual({ kind: 'busy', number: 41 });
    expect(cardPhase(named, 'o1', null)).toEqual({ kind: 'paying', state: 'waiting', reason: null });
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
