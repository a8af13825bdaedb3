// The Counter tab keeps its place in the address, and a station opened as ?mode=counter starts on it.
import { describe, expect, it } from 'vitest';
import { formatPlace, homePlace, parsePlace } from './route.js';

describe('the counter route', () => {
  it('reads #/counter, and falls back to the station routes for the rest', () => {
    expect(parsePlace('#/counter', false)).toEqual({ kind: 'counter' });
    expect(parsePlace('#/lane/lane-1', true)).toEqual({ kind: 'lane', laneId: 'lane-1' });
    expect(parsePlace('', false)).toEqual({ kind: 'lanes' });
    expect(formatPlace({ kind: 'counter' })).toBe('#/counter');
    expect(formatPlace({ kind: 'lanes' })).toBe('');
  });

  it('opens a counter screen on the counter, and brings it back there after a sign-out', () => {
    expect(parsePlace('', true)).toEqual({ kind: 'counter' });
    expect(homePlace(true)).toEqual({ kind: 'counter' });
    expect(homePlace(false)).toEqual({ kind: 'lanes' });
  });
});
