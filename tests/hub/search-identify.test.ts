import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COLA } from '../helpers/catalog.js';
import { startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';

let t: TestHub;
let kiosk: Client;
beforeEach(async () => {
  t = await startTestHub();
  kiosk = await t.client(TOKENS.kiosk1);
});
afterEach(() => t.close());

describe('finding items without a barcode', () => {
  it('the picture grid lists the items sold by PLU only, with the code to scan', async () => {
    const ack = await kiosk.emitWithAck('catalog:search', { query: '', withoutBarcode: true });
    expect(ack).toEqual({ ok: true, data: { items: [expect.objectContaining({ productId: 'bananas', code: '4011', unit: 'kg', price: 2200 })] } });
  });

  it('a search by name ignores case and accents, in either language', async () => {
    const byDanish = await kiosk.emitWithAck('catalog:search', { query: 'letmaelk' });
    expect(byDanish).toMatchObject({ ok: true, data: { items: [{ productId: 'milk' }] } });
    const byEnglish = await kiosk.emitWithAck('catalog:search', { query: 'CRISPS' });
    expect(byEnglish).toMatchObject({ ok: true, data: { items: [{ productId: 'chips' }] } });
  });

  it('a search that is too long is refused', async () => {
    expect(await kiosk.emitWithAck('catalog:search', { query: 'x'.repeat(65) })).toMatchObject({ ok: false, error: { code: 'bad-payload' } });
  });
});

describe('identifying as a member by phone', () => {
  it('a known phone number brings member prices, with or without the country code', async () => {
    await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code: COLA });
    expect(await kiosk.emitWithAck('lane:identify', { key: randomUUID(), phone: '12 34 56 78' })).toMatchObject({ ok: true });
    expect(await kiosk.emitWithAck('lane:sync', {})).toMatchObject({ ok: true, data: { member: { id: 'm1' }, lines: [{ unitPrice: 1800 }] } });
  });

  it('an unknown number is refused and changes nothing', async () => {
    expect(await kiosk.emitWithAck('lane:identify', { key: randomUUID(), phone: '+45 99 99 99 99' })).toMatchObject({ ok: false, error: { code: 'unknown-item' } });
    expect(await kiosk.emitWithAck('lane:sync', {})).toMatchObject({ ok: true, data: { member: null } });
  });

  it('a customer display cannot identify anyone', async () => {
    const cfd = await t.client(TOKENS.cfd1);
    expect(await cfd.emitWithAck('lane:identify', { key: randomUUID(), phone: '12345678' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});
