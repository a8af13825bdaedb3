import { describe, expect, it } from 'vitest';
import { addDays, dayStart, daysOf, localParts } from './local-time.js';
import { resolveRange } from './range.js';

const at = (iso: string) => new Date(iso);

describe("the store's local calendar", () => {
  it('a zone without summer time: Tokyo is UTC+9 all year', () => {
    expect(localParts(at('2024-06-01T14:59:59Z'), 'Asia/Tokyo')).toMatchObject({ day: '2024-06-01', hour: 23 });
    expect(localParts(at('2024-06-01T15:00:00Z'), 'Asia/Tokyo')).toMatchObject({ day: '2024-06-02', hour: 0 });
    expect(dayStart('2024-06-02', 'Asia/Tokyo').toISOString()).toBe('2024-06-01T15:00:00.000Z');
    expect(dayStart('2024-01-02', 'UTC').toISOString()).toBe('2024-01-02T00:00:00.000Z');
  });

  it('a sale at 00:30 in Copenhagen belongs to the new day, in winter (UTC+1) and summer (UTC+2)', () => {
    expect(localParts(at('2024-01-15T23:30:00Z'), 'Europe/Copenhagen')).toMatchObject({ day: '2024-01-16', hour: 0 });
    expect(localParts(at('2024-01-15T22:59:59Z'), 'Europe/Copenhagen')).toMatchObject({ day: '2024-01-15', hour: 23 });
    expect(localParts(at('2024-06-01T22:30:00Z'), 'Europe/Copenhagen')).toEqual({ day: '2024-06-02', hour: 0, minuteOfDay: 30 });
    expect(dayStart('2024-01-16', 'Europe/Copenhagen').toISOString()).toBe('2024-01-15T23:00:00.000Z');
    expect(dayStart('2024-06-02', 'Europe/Copenhagen').toISOString()).toBe('2024-06-01T22:00:00.000Z');
  });

  it('days where summer time starts and ends are 23 and 25 hours long', () => {
    const tz = 'Europe/Copenhagen';
    expect(dayStart('2024-03-31', tz).toISOString()).toBe('2024-03-30T23:00:00.000Z');
    expect(dayStart('2024-04-01', tz).getTime() - dayStart('2024-03-31', tz).getTime()).toBe(23 * 3_600_000);
    expect(dayStart('2024-10-28', tz).getTime() - dayStart('2024-10-27', tz).getTime()).toBe(25 * 3_600_000);
    // 01:59 UTC on 27 October is 02:59 summer time; an hour later the clock shows 02:00 again.
    expect(localParts(at('2024-10-27T00:59:00Z'), tz)).toMatchObject({ day: '2024-10-27', hour: 2 });
    expect(localParts(at('2024-10-27T01:00:00Z'), tz)).toMatchObject({ day: '2024-10-27', hour: 2 });
    expect(localParts(at('2024-03-31T01:00:00Z'), tz)).toMatchObject({ day: '2024-03-31', hour: 3 });
  });

  it('offsets that are not whole hours, and a summer time that skips midnight itself', () => {
    expect(dayStart('2024-06-02', 'Asia/Kolkata').toISOString()).toBe('2024-06-01T18:30:00.000Z');
    expect(dayStart('2024-06-02', 'Asia/Kathmandu').toISOString()).toBe('2024-06-01T18:15:00.000Z');
    expect(localParts(at('2024-06-01T18:14:00Z'), 'Asia/Kathmandu')).toEqual({ day: '2024-06-01', hour: 23, minuteOfDay: 23 * 60 + 59 });
    // Chile moves from 00:00 to 01:00 on 8 September 2024: the day starts at 01:00 (UTC−3).
    expect(dayStart('2024-09-08', 'America/Santiago').toISOString()).toBe('2024-09-08T04:00:00.000Z');
    expect(dayStart('2024-09-07', 'America/Santiago').toISOString()).toBe('2024-09-07T04:00:00.000Z');
  });

  it('counts calendar days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysOf(at('2024-01-30T23:00:00Z'), at('2024-02-02T23:00:00Z'), 'Europe/Copenhagen')).toEqual(['2024-01-31', '2024-02-01', '2024-02-02']);
  });
});

describe('the range of an insights query', () => {
  const tz = 'Europe/Copenhagen';
  const now = at('2024-06-01T22:30:00Z'); // 00:30 on 2 June in Copenhagen

  it('is today in the store when no bounds are given, even just after local midnight', () => {
    const r = resolveRange({}, tz, now);
    expect([r.from.toISOString(), r.to.toISOString()]).toEqual(['2024-06-01T22:00:00.000Z', '2024-06-02T22:00:00.000Z']);
  });

  it('takes days as whole local days (to inclusive) and instants as they are', () => {
    const days = resolveRange({ from: '2024-05-27', to: '2024-06-02' }, tz, now);
    expect([days.from.toISOString(), days.to.toISOString()]).toEqual(['2024-05-26T22:00:00.000Z', '2024-06-02T22:00:00.000Z']);
    const instants = resolveRange({ from: '2024-06-01T10:00:00+02:00', to: '2024-06-01T12:00:00Z' }, tz, now);
    expect([instants.from.toISOString(), instants.to.toISOString()]).toEqual(['2024-06-01T08:00:00.000Z', '2024-06-01T12:00:00.000Z']);
  });

  it('refuses an empty or reversed range and one longer than 366 days', () => {
    expect(() => resolveRange({ from: '2024-06-01T12:00:00Z', to: '2024-06-01T12:00:00Z' }, tz, now)).toThrow(/after/);
    expect(() => resolveRange({ from: '2024-06-02', to: '2024-06-01' }, tz, now)).toThrow(/after/);
    expect(resolveRange({ from: '2024-01-01', to: '2024-12-31' }, tz, now).to.toISOString()).toBe('2024-12-31T23:00:00.000Z');
    expect(() => resolveRange({ from: '2024-01-01', to: '2025-01-01' }, tz, now)).toThrow(/366 days/);
  });
});
