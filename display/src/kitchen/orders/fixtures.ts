// Test builders of orders as the hub sends them, for the kitchen's, board's and counter's unit tests.
import type { KitchenItem, OrderView } from '@selfserve/shared';

export function kitchenItem(id: string, over: Partial<KitchenItem> = {}): KitchenItem {
  return { id, lineId: id.split('.')[0] ?? id, station: 'grill', name: { da: id }, quantity: 1, combo: null, slot: null, size: null, modifiers: [], note: null, bumpedAt: null, ...over };
}

export function order(id: string, over: Partial<OrderView> = {}): OrderView {
  return {
    id,
    number: Number(id.replace(/\D/g, '')) || 1,
    status: 'preparing',
    dining: 'eat-in',
    laneId: 'order-1',
    createdAt: '2025-05-01T12:00:00.000Z',
    releasedAt: '2025-05-01T12:00:00.000Z',
    readyAt: null,
    closedAt: null,
    total: 8900,
    currency: 'DKK',
    payment: null,
    lines: [],
    kitchen: [kitchenItem(`${id}-l1.0`)],
    ...over,
  };
}
