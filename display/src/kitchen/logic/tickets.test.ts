// The kitchen shows orders being prepared, routed to a station, coloured by how long they have waited.
import { describe, expect, it } from 'vitest';
import { kitchenItem, order } from '../orders/fixtures.js';
import { fromOverview } from '../orders/orders.js';
import { ageLevel, ageSeconds, bumpTargets, formatAge, kitchenTickets, readStation, showsNote } from './tickets.js';

const burgerAndFries = order('o1', { kitchen: [kitchenItem('l1.0'), kitchenItem('l2.0', { station: 'fryer' })] });
const drinkOnly = order('o2', { kitchen: [kitchenItem('l3.0', { station: 'drinks' })] });
const unpaid = order('o3', { status: 'awaiting-payment', releasedAt: null });

describe('the kitchen tickets', () => {
  it('shows every order in the kitchen on the all-stations screen, and no unpaid one', () => {
    const tickets = kitchenTickets(fromOverview([burgerAndFries, drinkOnly, unpaid]), null);
    expect(tickets.map((t) => t.order.id)).toEqual(['o1', 'o2']);
    expect(tickets[0]?.items).toHaveLength(2);
  });

  it('shows a station only its own items, and no order once its items are bumped', () => {
    const grill = kitchenTickets(fromOverview([burgerAndFries, drinkOnly]), 'grill');
    expect(grill.map((t) => t.order.id)).toEqual(['o1']);
    expect(grill[0]?.items.map((i) => i.id)).toEqual(['l1.0']);
    const grilled = order('o1', { kitchen: [kitchenItem('l1.0', { bumpedAt: '2025-05-01T12:03:00.000Z' }), kitchenItem('l2.0', { station: 'fryer' })] });
    expect(kitchenTickets(fromOverview([grilled]), 'grill')).toEqual([]);
    expect(kitchenTickets(fromOverview([grilled]), 'fryer')).toHaveLength(1);
  });

  it('bumps the whole order from the all-stations screen, but only its own open items from a station', () => {
    const [ticket] = kitchenTickets(fromOverview([burgerAndFries]), null);
    expect(bumpTargets(ticket!, null)).toEqual([undefined]);
    const [fryer] = kitchenTickets(fromOverview([burgerAndFries]), 'fryer');
    expect(bumpTargets(fryer!, 'fryer')).toEqual(['l2.0']);
  });

  it('reads the station from the address, and ignores one it does not know', () => {
    expect(readStation('?mode=kitchen&station=grill')).toBe('grill');
    expect(readStation('?mode=kitchen&station=bar')).toBeNull();
    expect(readStation('?mode=kitchen')).toBeNull();
  });

  it('turns amber, then red, as the order waits', () => {
    const timing = { warnAfterSeconds: 300, lateAfterSeconds: 600 };
    const at = Date.parse('2025-05-01T12:00:00.000Z');
    expect(ageSeconds(burgerAndFries, at + 299_900)).toBe(299);
    expect(ageLevel(299, timing)).toBe('normal');
    expect(ageLevel(300, timing)).toBe('warn');
    expect(ageLevel(600, timing)).toBe('late');
    expect(ageSeconds(burgerAndFries, at - 5000)).toBe(0);
    expect(formatAge(247)).toBe('4:07');
    expect(formatAge(3735)).toBe('1:02:15');
  });

  it('prints a combo’s note once on a ticket that shows its parts together', () => {
    const note = 'no salt';
    const items = [kitchenItem('l1.0', { note }), kitchenItem('l1.1', { note, station: 'fryer' }), kitchenItem('l2.0'), kitchenItem('l3.0', { note })];
    expect(showsNote(items)).toEqual([true, false, false, true]);
  });
});
