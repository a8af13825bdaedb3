// Remote resolution at the station: the store's remote list, the reason's role, and nobody approving their own request.
import type { Intervention, InterventionReason, StaffAction, StaffRef, StaffRole } from '@selfserve/shared';
import { describe, expect, it } from 'vitest';
import { type StationStaff, mayClaim, resolveVerdict } from './permissions.js';

const ALL_REMOTE = { 'age-check': true, 'void-approval': true, 'price-override': true, help: true, 'payment-failed': true, 'unknown-item': true, 'quantity-limit': true };
const RESOLVER: StaffAction[] = ['lanes:watch', 'intervention:claim', 'intervention:resolve'];
const staff = (role: StaffRole, id = `s-${role}`, actions = RESOLVER): StationStaff => ({ id, role, actions });
const ref = (role: StaffRole, staffId = `r-${role}`): StaffRef => ({ staffId, name: 'Requester', role });
const help = (reason: InterventionReason = 'help', requestedBy: StaffRef | null = null): Pick<Intervention, 'reason' | 'requestedBy' | 'state'> => ({
  reason,
  requestedBy,
  state: 'open',
});

describe('resolving an intervention from the station', () => {
  it('an attendant approves a help call the store lets staff resolve remotely', () => {
    expect(resolveVerdict(staff('attendant'), { help: true }, help())).toBe('allowed');
  });

  it('an age check is resolved at the lane unless the store allows it remotely', () => {
    expect(resolveVerdict(staff('manager'), { help: true }, help('age-check'))).toBe('at-lane');
    expect(resolveVerdict(staff('manager'), { 'age-check': false }, help('age-check'))).toBe('at-lane');
    expect(resolveVerdict(staff('attendant'), ALL_REMOTE, help('age-check'))).toBe('allowed');
  });

  it('a price change needs a supervisor, even when the store allows it remotely', () => {
    expect(resolveVerdict(staff('attendant'), ALL_REMOTE, help('price-override'))).toBe('role');
    expect(resolveVerdict(staff('supervisor'), ALL_REMOTE, help('price-override'))).toBe('allowed');
  });

  it('nobody approves their own request', () => {
    const me = staff('manager', 'anna');
    expect(resolveVerdict(me, ALL_REMOTE, help('price-override', ref('manager', 'anna')))).toBe('own-request');
  });

  it('a request made by staff needs a role above the requester', () => {
    expect(resolveVerdict(staff('supervisor'), ALL_REMOTE, help('price-override', ref('supervisor')))).toBe('requester-role');
    expect(resolveVerdict(staff('manager'), ALL_REMOTE, help('price-override', ref('supervisor')))).toBe('allowed');
  });

  it('a session without the resolve action resolves nothing', () => {
    expect(resolveVerdict(staff('manager', 'm', ['lanes:watch']), ALL_REMOTE, help())).toBe('no-permission');
  });

  it('"I\'m on my way" is offered for an open intervention only', () => {
    expect(mayClaim(staff('attendant'), { state: 'open' })).toBe(true);
    expect(mayClaim(staff('attendant'), { state: 'claimed' })).toBe(false);
    expect(mayClaim(staff('attendant', 'a', ['lanes:watch']), { state: 'open' })).toBe(false);
  });
});
