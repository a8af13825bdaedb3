import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MILK } from '../helpers/catalog.js';
import { startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';

let t: TestHub;
let kiosk: Client;
beforeEach(async () => {
  t = await startTestHub({ scale: true });
  kiosk = await t.client(TOKENS.kiosk1);
});
afterEach(() => t.close());

const scan = (code: string) => kiosk.emitWithAck('lane:scan', { key: randomUUID(), code, source: 'search' });

describe('weighed items at a lane with a scale', () => {
  it('a weighed item takes its weight from the lane\'s scale, priced per kg', async () => {
    t.scale!.setWeight(1234);
    expect(await scan('4011')).toMatchObject({ ok: true, data: { line: { productId: 'bananas', weightGrams: 1234, paidPrice: 2715 } } });
  });

  it('an empty scale asks for the item to be put on it, and nothing is added', async () => {
    t.scale!.setWeight(0);
    expect(await scan('4011')).toMatchObject({ ok: false, error: { code: 'weight-required', detail: { scale: 'empty' } } });
    expect(await kiosk.emitWithAck('lane:sync', {})).toMatchObject({ ok: true, data: { lines: [] } });
  });

  it('a weight that keeps moving is not taken', async () => {
    t.scale!.setWeight(700, { stable: false });
    expect(await scan('4011')).toMatchObject({ ok: false, error: { code: 'weight-required', detail: { scale: 'moving' } } });
  });

  it('items sold by the piece never touch the scale', async () => {
    const before = t.scale!.requests;
    expect(await scan(MILK)).toMatchObject({ ok: true });
    expect(t.scale!.requests).toBe(before);
  });
});
