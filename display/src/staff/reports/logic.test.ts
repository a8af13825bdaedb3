// The End of day tab asks for the right scope and journal range, flags a terminal that disagrees, and finds the Z already taken.
import type { TerminalComparison, ZReportSummary } from '@selfserve/shared';
import { describe, expect, it } from 'vitest';
import { journalFileName, journalPath, latestZ, localDay, newestFirst, scopePayload, terminalVerdict, validRange } from './logic.js';

const none = { count: 0, amount: 0 };
const comparison = (difference: number | null, terminal = difference !== null): TerminalComparison => ({
  laneId: 'lane-1',
  ours: { payments: { count: 2, amount: 5000 }, reversals: none },
  terminal: terminal ? { payments: { count: 2, amount: 5000 + (difference ?? 0) }, reversals: none } : null,
  error: terminal ? null : 'unreachable',
  difference,
});
const z = (id: string, laneId: string | null, createdAt: string): ZReportSummary => ({ id, number: 1, laneId, day: createdAt.slice(0, 10), createdAt, salesAmount: 0, refundsAmount: 0, differences: false });

describe('the report scope', () => {
  it('sends no lane for the whole store', () => {
    expect(scopePayload('')).toEqual({});
    expect(scopePayload('lane-2')).toEqual({ laneId: 'lane-2' });
  });
});

describe('the journal export', () => {
  it('asks for a range of days in a format', () => {
    expect(journalPath('2025-03-01', '2025-03-07', 'csv')).toBe('/api/manager/journal?from=2025-03-01&to=2025-03-07&format=csv');
    expect(journalFileName('2025-03-01', '2025-03-01', 'json')).toBe('journal-2025-03-01.json');
    expect(journalFileName('2025-03-01', '2025-03-07', 'csv')).toBe('journal-2025-03-01_2025-03-07.csv');
  });

  it('takes only whole days in order', () => {
    expect(validRange('2025-03-01', '2025-03-01')).toBe(true);
    expect(validRange('2025-03-02', '2025-03-01')).toBe(false);
    expect(validRange('', '2025-03-01')).toBe(false);
    expect(localDay(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
  });
});

describe('the terminals beside our figures', () => {
  it('agree, differ or could not be asked', () => {
    expect(terminalVerdict(comparison(0))).toBe('agree');
    expect(terminalVerdict(comparison(-2500))).toBe('differs');
    expect(terminalVerdict(comparison(null, false))).toBe('unavailable');
  });
});

describe('earlier Z reports', () => {
  const list = [z('a', null, '2025-03-01T22:00:00Z'), z('b', 'lane-1', '2025-03-02T22:00:00Z'), z('c', null, '2025-03-02T21:00:00Z')];
  it('finds the latest of a scope', () => {
    expect(latestZ(list, null)?.id).toBe('c');
    expect(latestZ(list, 'lane-1')?.id).toBe('b');
    expect(latestZ(list, 'lane-9')).toBeNull();
  });
  it('lists the newest first', () => {
    expect(newestFirst(list).map((r) => r.id)).toEqual(['b', 'c', 'a']);
  });
});
