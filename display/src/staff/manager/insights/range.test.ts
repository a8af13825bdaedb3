// The insights' date range: presets in the store's days, and a custom range checked before the hub is asked.
import { describe, expect, it } from 'vitest';
import { durationParts } from './duration.js';
import { addDays, rangeQuery, storeDay } from './range.js';

describe("the insights' date range", () => {
  const custom = { from: '', to: '' };

  it('today is the hub\'s today; yesterday and the last 7 days are whole days up to today', () => {
    expect(rangeQuery('today', '2025-03-01', custom)).toEqual({ ok: true, query: {} });
    expect(rangeQuery('yesterday', '2025-03-01', custom)).toEqual({ ok: true, query: { from: '2025-02-28', to: '2025-02-28' } });
    expect(rangeQuery('week', '2025-03-01', custom)).toEqual({ ok: true, query: { from: '2025-02-23', to: '2025-03-01' } });
  });

  it('a custom range needs both days, in order, and at most 366 of them', () => {
    expect(rangeQuery('custom', '2025-03-01', { from: '2025-01-01', to: '' })).toEqual({ ok: false, problem: 'incomplete' });
    expect(rangeQuery('custom', '2025-03-01', { from: '2025-02-02', to: '2025-02-01' })).toEqual({ ok: false, problem: 'reversed' });
    expect(rangeQuery('custom', '2025-03-01', { from: '2024-01-01', to: '2024-12-31' })).toEqual({ ok: true, query: { from: '2024-01-01', to: '2024-12-31' } });
    expect(rangeQuery('custom', '2025-03-01', { from: '2024-01-01', to: '2025-01-01' })).toEqual({ ok: false, problem: 'too-long' });
  });

  it("the store's day just after midnight is the new day, whatever the browser's own zone", () => {
    expect(storeDay(new Date('2025-06-01T22:30:00Z'), 'Europe/Copenhagen')).toBe('2025-06-02');
    expect(storeDay(new Date('2025-06-01T22:30:00Z'), 'UTC')).toBe('2025-06-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('durations', () => {
  it('show seconds, minutes and seconds, or hours and minutes', () => {
    expect(durationParts(42.4)).toEqual({ unit: 'seconds', h: 0, m: 0, s: 42 });
    expect(durationParts(125)).toEqual({ unit: 'minutes', h: 0, m: 2, s: 5 });
    expect(durationParts(3 * 3600 + 4 * 60 + 59)).toEqual({ unit: 'hours', h: 3, m: 4, s: 59 });
  });
});
