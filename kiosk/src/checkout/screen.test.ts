// Which screen shows when: attract for a waiting lane, the checkout as soon as a shopper starts.
import { describe, expect, it } from 'vitest';
import { idleModeFor, screenFor } from './screen.js';

describe('kiosk screen by lane status', () => {
  it('an idle lane with an empty basket shows the attract screen until the shopper starts', () => {
    expect(screenFor({ status: 'idle', lines: 0, started: false })).toBe('attract');
    expect(screenFor({ status: 'idle', lines: 0, started: true })).toBe('checkout');
    expect(screenFor({ status: null, lines: 0, started: false })).toBe('attract');
  });

  it('a closed lane says so, whatever the shopper did, and is never timed out', () => {
    expect(screenFor({ status: 'closed', lines: 0, started: false })).toBe('closed');
    expect(screenFor({ status: 'closed', lines: 0, started: true })).toBe('closed');
    expect(idleModeFor({ status: 'closed', lines: 0, started: true, interventions: 0, staffAtLane: false })).toBeNull();
  });

  it('a basket in any state shows the checkout, even to a screen that just reloaded', () => {
    for (const status of ['scanning', 'payment', 'paid', 'finished'] as const) {
      expect(screenFor({ status, lines: 2, started: false })).toBe('checkout');
    }
  });

  it('an unpaid basket is asked about, an empty visit just ends, payment and staff are never timed out', () => {
    const v = { lines: 0, started: true, interventions: 0, staffAtLane: false };
    expect(idleModeFor({ ...v, status: 'scanning', lines: 3 })).toBe('ask');
    expect(idleModeFor({ ...v, status: 'scanning' })).toBe('quiet');
    expect(idleModeFor({ ...v, status: 'idle' })).toBe('quiet');
    expect(idleModeFor({ ...v, status: 'payment', lines: 3 })).toBeNull();
    expect(idleModeFor({ ...v, status: 'finished', lines: 3 })).toBeNull();
    expect(idleModeFor({ ...v, status: 'scanning', lines: 3, interventions: 1 })).toBeNull();
    expect(idleModeFor({ ...v, status: 'idle', started: false })).toBeNull();
  });

  it('a basket is never cancelled under the hands of staff signed in at the lane', () => {
    expect(idleModeFor({ status: 'scanning', lines: 3, started: true, interventions: 0, staffAtLane: true })).toBeNull();
  });
});
