// A lane tile's state: closed and offline first, then a lane that needs staff, then what the shopper is doing.
import type { Intervention, LaneStatus } from '@selfserve/shared';
import { describe, expect, it } from 'vitest';
import { tileState } from './tile.js';

const help: Intervention = { id: 'i1', reason: 'help', blocks: 'lane', state: 'open', openedAt: '2025-03-01T08:00:00.000Z', requestedBy: null, requestedDevice: null, claimedBy: null, claimedAt: null };
const lane = (status: LaneStatus, interventions: Intervention[] = []) => ({ status, interventions });

describe('the state a lane tile shows', () => {
  it('a closed lane is closed, whether or not its kiosk is on', () => {
    expect(tileState(lane('closed'), true)).toBe('closed');
    expect(tileState(lane('closed'), false)).toBe('closed');
  });

  it('an open lane whose kiosk is not connected is offline', () => {
    expect(tileState(lane('scanning'), false)).toBe('offline');
  });

  it('any open or claimed intervention means the lane needs staff', () => {
    expect(tileState(lane('scanning', [help]), true)).toBe('needs-staff');
    expect(tileState(lane('payment', [{ ...help, state: 'claimed' }]), true)).toBe('needs-staff');
  });

  it('a lane at the terminal is paying, also while the receipt prints', () => {
    expect(tileState(lane('payment'), true)).toBe('paying');
    expect(tileState(lane('paid'), true)).toBe('paying');
  });

  it('a lane with a shopper scanning is scanning; waiting, finished and cancelled lanes are idle', () => {
    expect(tileState(lane('scanning'), true)).toBe('scanning');
    for (const s of ['idle', 'finished', 'cancelled'] as const) expect(tileState(lane(s), true)).toBe('idle');
  });
});
