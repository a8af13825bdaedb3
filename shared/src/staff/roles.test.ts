import { describe, expect, it } from 'vitest';
import { STAFF_ACTIONS, STAFF_ROLES, actionsOf, mayDo, resolveRefusal } from './roles.js';

describe('staff permission matrix', () => {
  it('a higher role may do everything a lower role may', () => {
    for (const action of STAFF_ACTIONS) {
      const allowed = STAFF_ROLES.map((r) => mayDo(r, action));
      expect(allowed).toEqual([...allowed].sort((a, b) => Number(a) - Number(b)));
    }
  });
  it('only a manager manages staff, devices and reads the audit log', () => {
    expect(actionsOf('supervisor')).not.toContain('staff:manage');
    expect(actionsOf('manager')).toEqual(expect.arrayContaining(['staff:manage', 'devices:manage', 'audit:read']));
  });
  it('nobody approves their own request', () => {
    const req = { reason: 'price-override' as const, requestedBy: { staffId: 's1', name: 'A', role: 'attendant' as const } };
    expect(resolveRefusal({ id: 's1', role: 'manager' }, req)).toMatch(/own request/);
  });
  it('an override requested by staff needs a role above the requester', () => {
    const bySupervisor = { reason: 'price-override' as const, requestedBy: { staffId: 's1', name: 'A', role: 'supervisor' as const } };
    expect(resolveRefusal({ id: 's2', role: 'supervisor' }, bySupervisor)).toMatch(/above supervisor/);
    expect(resolveRefusal({ id: 's3', role: 'manager' }, bySupervisor)).toBeNull();
  });
  it('a price override needs at least a supervisor; a help call any staff member', () => {
    expect(resolveRefusal({ id: 's2', role: 'attendant' }, { reason: 'price-override', requestedBy: null })).toMatch(/supervisor/);
    expect(resolveRefusal({ id: 's2', role: 'attendant' }, { reason: 'help', requestedBy: null })).toBeNull();
  });
});
