import { describe, expect, it } from 'vitest';
import { initialLaneState, transition, type Intervention, type LaneState } from './machine.js';

const live = { state: 'open', requestedBy: null, requestedDevice: null, claimedBy: null, claimedAt: null } as const;
const ageCheck: Intervention = { ...live, id: 'i1', reason: 'age-check', blocks: 'payment', openedAt: '2026-01-01T10:00:00Z' };
const help: Intervention = { ...live, id: 'i2', reason: 'help', blocks: 'lane', openedAt: '2026-01-01T10:00:00Z' };

function run(state: LaneState, ...events: Parameters<typeof transition>[1][]): LaneState {
  return events.reduce((s, e) => {
    const r = transition(s, e);
    if (!r.ok) throw new Error(r.message);
    return r.state;
  }, state);
}

describe('lane state machine', () => {
  it('a shopper goes from idle through scanning, payment and paid to finished and back to idle', () => {
    const s = run(initialLaneState(), { type: 'scan' }, { type: 'pay' }, { type: 'payment-approved' }, { type: 'receipt-done' });
    expect(s.status).toBe('finished');
    expect(run(s, { type: 'next-shopper' }).status).toBe('idle');
  });

  it('a failed payment returns the shopper to scanning', () => {
    expect(run(initialLaneState(), { type: 'scan' }, { type: 'pay' }, { type: 'payment-failed' }).status).toBe('scanning');
  });

  it('a closed lane refuses scans', () => {
    const r = transition({ status: 'closed', interventions: [] }, { type: 'scan' });
    expect(r).toMatchObject({ ok: false, reason: 'not-allowed' });
  });

  it('an age check lets the shopper keep scanning but blocks payment', () => {
    const s = run(initialLaneState(), { type: 'scan' }, { type: 'intervene', intervention: ageCheck });
    expect(transition(s, { type: 'scan' }).ok).toBe(true);
    expect(transition(s, { type: 'pay' })).toMatchObject({ ok: false, reason: 'lane-blocked' });
    expect(run(s, { type: 'resolve', interventionId: 'i1' }, { type: 'pay' }).status).toBe('payment');
  });

  it('a help call blocks the whole lane until resolved', () => {
    const s = run(initialLaneState(), { type: 'scan' }, { type: 'intervene', intervention: help });
    expect(transition(s, { type: 'scan' })).toMatchObject({ ok: false, reason: 'lane-blocked' });
    expect(transition(s, { type: 'pay' })).toMatchObject({ ok: false, reason: 'lane-blocked' });
  });

  it('a paid visit cannot be cancelled', () => {
    const s = run(initialLaneState(), { type: 'scan' }, { type: 'pay' }, { type: 'payment-approved' });
    expect(transition(s, { type: 'cancel' })).toMatchObject({ ok: false, reason: 'not-allowed' });
  });

  it('a visit cannot be cancelled while the terminal is taking payment', () => {
    const s = run(initialLaneState(), { type: 'scan' }, { type: 'pay' });
    expect(transition(s, { type: 'cancel' })).toMatchObject({ ok: false, reason: 'not-allowed' });
  });

  it('the next shopper starts with no open interventions', () => {
    const s = run(initialLaneState(), { type: 'scan' }, { type: 'intervene', intervention: ageCheck }, { type: 'cancel' });
    expect(run(s, { type: 'next-shopper' })).toEqual({ status: 'idle', interventions: [] });
  });

  it('transition never mutates the state it is given', () => {
    const s = initialLaneState();
    const copy = structuredClone(s);
    transition(s, { type: 'intervene', intervention: help });
    transition(s, { type: 'scan' });
    expect(s).toEqual(copy);
  });

  it('resolving an unknown intervention is refused', () => {
    expect(transition(initialLaneState(), { type: 'resolve', interventionId: 'nope' }).ok).toBe(false);
  });
});
