// Rules of which screen the ordering kiosk shows, from the hub's lane and this guest's taps.
import { describe, expect, it } from 'vitest';
import { type OrderVisitView, orderScreenFor } from './screen.js';

const v = (over: Partial<OrderVisitView>): OrderVisitView => ({ status: 'idle', lines: 0, dining: null, started: false, chose: false, ...over });

describe('the ordering kiosk’s screen', () => {
  it('an idle lane waits on the attract screen; a touch asks eat in or take away', () => {
    expect(orderScreenFor(v({}))).toBe('attract');
    expect(orderScreenFor(v({ status: null }))).toBe('attract');
    expect(orderScreenFor(v({ started: true }))).toBe('dining');
  });

  it('the dining choice leads to ordering; a choice the hub kept from an earlier guest does not', () => {
    expect(orderScreenFor(v({ started: true, chose: true, dining: 'take-away', status: 'scanning' }))).toBe('ordering');
    expect(orderScreenFor(v({ started: true, dining: 'eat-in' }))).toBe('dining');
  });

  it('a reloaded kiosk goes back to the order the hub has', () => {
    expect(orderScreenFor(v({ status: 'scanning', lines: 2, dining: 'eat-in' }))).toBe('ordering');
    expect(orderScreenFor(v({ status: 'scanning', dining: 'eat-in' }))).toBe('ordering');
  });

  it('paying, the order number and a closed lane follow the hub', () => {
    expect(orderScreenFor(v({ status: 'payment', lines: 1 }))).toBe('payment');
    expect(orderScreenFor(v({ status: 'finished', lines: 1 }))).toBe('done');
    expect(orderScreenFor(v({ status: 'paid', lines: 1 }))).toBe('done');
    expect(orderScreenFor(v({ status: 'closed' }))).toBe('closed');
  });
});
