import { describe, expect, it } from 'vitest';
import { ERROR_CODES, fail, ok } from './errors.js';
import { laneCancelPayload, laneRemoveLinePayload, laneScanPayload, laneSetQuantityPayload, laneSyncPayload } from './payloads.js';

const key = '0b7f3c3e-6a7e-4a8f-9a55-2f0f7b3c9d11';

describe('protocol payloads', () => {
  it('a scan needs a UUID key and a code, and takes an optional positive quantity and weight', () => {
    expect(laneScanPayload.safeParse({ key, code: '5701234002000' }).success).toBe(true);
    expect(laneScanPayload.safeParse({ key, code: '4011', weightGrams: 1234, quantity: 1, source: 'keyboard' }).success).toBe(true);
    expect(laneScanPayload.safeParse({ code: '5701234002000' }).success).toBe(false);
    expect(laneScanPayload.safeParse({ key: 'not-a-uuid', code: '1' }).success).toBe(false);
    expect(laneScanPayload.safeParse({ key, code: '' }).success).toBe(false);
  });

  it.each([0, -1, 1.5, 1000, Number.NaN, '2'])('a quantity of %s is refused', (quantity) => {
    expect(laneScanPayload.safeParse({ key, code: '1', quantity }).success).toBe(false);
    expect(laneSetQuantityPayload.safeParse({ key, lineId: 'L1', quantity }).success).toBe(false);
  });

  it('every payload is strict: an unknown field is refused, a price above all', () => {
    expect(laneScanPayload.safeParse({ key, code: '1', price: 0 }).success).toBe(false);
    expect(laneSetQuantityPayload.safeParse({ key, lineId: 'L1', quantity: 2, price: 0 }).success).toBe(false);
    expect(laneRemoveLinePayload.safeParse({ key, lineId: 'L1', x: 1 }).success).toBe(false);
    expect(laneCancelPayload.safeParse({ key, reason: 'x' }).success).toBe(false);
    expect(laneSyncPayload.safeParse({ version: 1 }).success).toBe(false);
  });

  it('a code longer than 512 characters is refused', () => {
    expect(laneScanPayload.safeParse({ key, code: '1'.repeat(513) }).success).toBe(false);
  });
});

describe('acks', () => {
  it('an ack is either ok with data or a failure with a code from the one list', () => {
    expect(ok({ version: 1 })).toEqual({ ok: true, data: { version: 1 } });
    expect(fail('unknown-item', 'no such item')).toEqual({ ok: false, error: { code: 'unknown-item', message: 'no such item' } });
    expect(fail('invalid-barcode', 'bad', { reason: 'bad-check-digit' })).toMatchObject({ error: { detail: { reason: 'bad-check-digit' } } });
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });
});
