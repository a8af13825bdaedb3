// Staff can pick only what a sale still has to return, and refund to a card only a sale paid by card.
import type { ReturnableLine, SaleForReturn } from '@selfserve/shared';
import { describe, expect, it } from 'vitest';
import { anyReturnable, pickAll, pickedLines, refundMethods, returnsWhole, samePicks, setPick } from './picks.js';

const line = (lineId: string, quantity: number, returnable: number, weightGrams: number | null = null): ReturnableLine => ({
  lineId, name: { da: lineId }, quantity, weightGrams, paidPrice: 1000 * quantity, returned: quantity - returnable, returnable, depositPerUnit: 0,
});
const sale = (lines: ReturnableLine[], method: 'card' | 'cash' = 'card'): SaleForReturn => ({
  saleId: 's1', number: 12, laneId: 'lane-1', paidAt: '2025-01-01T10:00:00Z', total: 5000, currency: 'DKK',
  payment: { method, brand: method === 'card' ? 'VISA' : null, last4: method === 'card' ? '4242' : null }, lines, refunds: [],
});

describe('picking what to return', () => {
  const cola = line('cola', 6, 4);
  it('keeps a line between none and what may still be returned', () => {
    expect(setPick({}, cola, 3)).toEqual({ cola: 3 });
    expect(setPick({}, cola, 9)).toEqual({ cola: 4 });
    expect(setPick({ cola: 2 }, cola, -1)).toEqual({});
    expect(setPick({ cola: 2 }, cola, 0)).toEqual({});
    expect(setPick({}, cola, Number.NaN)).toEqual({});
    expect(setPick({}, cola, 2.7)).toEqual({ cola: 2 });
  });

  it('returns a weighed or single item whole', () => {
    expect(returnsWhole(line('apples', 1, 1, 734))).toBe(true);
    expect(returnsWhole(line('label', 1, 1))).toBe(true);
    expect(returnsWhole(cola)).toBe(false);
    expect(setPick({}, line('apples', 1, 1, 734), 5)).toEqual({ apples: 1 });
  });

  it('sends the picks in the receipt order, none of a line already returned', () => {
    const s = sale([line('a', 2, 2), line('b', 3, 0), line('c', 5, 5)]);
    expect(pickedLines(s, { c: 2, a: 1, b: 1 })).toEqual([{ lineId: 'a', quantity: 1 }, { lineId: 'c', quantity: 2 }]);
    expect(pickAll(s)).toEqual({ a: 2, c: 5 });
    expect(anyReturnable(s)).toBe(true);
    expect(anyReturnable(sale([line('b', 3, 0)]))).toBe(false);
  });

  it('knows an answer to older picks', () => {
    expect(samePicks([{ lineId: 'a', quantity: 1 }], [{ lineId: 'a', quantity: 1 }])).toBe(true);
    expect(samePicks([{ lineId: 'a', quantity: 1 }], [{ lineId: 'a', quantity: 2 }])).toBe(false);
    expect(samePicks([], [{ lineId: 'a', quantity: 1 }])).toBe(false);
  });
});

describe('how a return is refunded', () => {
  it('goes back to the card only for a sale paid by card', () => {
    expect(refundMethods(sale([], 'card'))).toEqual(['card', 'cash']);
    expect(refundMethods(sale([], 'cash'))).toEqual(['cash']);
  });
});
