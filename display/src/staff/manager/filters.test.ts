// The audit filters: local days become instants, and "to" a day includes all of it.
import { describe, expect, it } from 'vitest';
import { auditFilter } from './filters.js';

const form = { from: '', to: '', actor: '', action: '', laneId: '', limit: 200 };

describe('the audit log\'s filters', () => {
  it('leave out what was not chosen', () => {
    expect(auditFilter(form)).toEqual({ from: undefined, to: undefined, actor: undefined, action: undefined, laneId: undefined, limit: 200 });
  });

  it('start at the local midnight of "from" and end at the midnight after "to"', () => {
    const f = auditFilter({ ...form, from: '2025-03-01', to: '2025-03-31' });
    expect(f.from).toBe(new Date(2025, 2, 1).toISOString());
    expect(f.to).toBe(new Date(2025, 3, 1).toISOString());
  });

  it('pass staff, action and lane as chosen', () => {
    expect(auditFilter({ ...form, actor: 's1', action: ' sign-in ', laneId: 'lane-1' })).toMatchObject({ actor: 's1', action: 'sign-in', laneId: 'lane-1' });
  });
});
