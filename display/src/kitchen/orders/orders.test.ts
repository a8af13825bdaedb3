// A screen keeps the open orders: closed ones leave, the longest waiting comes first, a bump to ready is noticed.
import { describe, expect, it } from 'vitest';
import { order } from './fixtures.js';
import { becameReady, fromOverview, ordersIn, withOrder } from './orders.js';

describe('the orders a screen keeps', () => {
  it('takes an update in, and drops an order once it is collected or cancelled', () => {
    let map = fromOverview([order('o1'), order('o2', { status: 'cancelled' })]);
    expect(Object.keys(map)).toEqual(['o1']);
    map = withOrder(map, order('o3'));
    map = withOrder(map, order('o1', { status: 'ready' }));
    expect(map.o1?.status).toBe('ready');
    map = withOrder(map, order('o1', { status: 'collected' }));
    expect(Object.keys(map)).toEqual(['o3']);
    expect(withOrder(map, order('o9', { status: 'collected' }))).toBe(map);
  });

  it('lists one status, the longest in the kitchen first', () => {
    const map = fromOverview([
      order('o2', { releasedAt: '2025-05-01T12:05:00.000Z' }),
      order('o1', { releasedAt: '2025-05-01T12:01:00.000Z' }),
      order('o3', { status: 'awaiting-payment', releasedAt: null }),
    ]);
    expect(ordersIn(map, 'preparing').map((o) => o.id)).toEqual(['o1', 'o2']);
    expect(ordersIn(map, 'awaiting-payment').map((o) => o.id)).toEqual(['o3']);
  });

  it('calls it a bump when an order it saw preparing turns ready', () => {
    expect(becameReady(order('o1'), order('o1', { status: 'ready' }))).toBe(true);
    expect(becameReady(undefined, order('o1', { status: 'ready' }))).toBe(false);
    expect(becameReady(order('o1', { status: 'ready' }), order('o1', { status: 'ready' }))).toBe(false);
  });
});
