import { describe, expect, it } from 'vitest';
import { parseBarcode, RCN_RULES } from './index.js';

describe('Danish restricted circulation numbers', () => {
  it('a Danish 21–24 price label carries a 6-digit item and the price in øre', () => {
    expect(parseBarcode('2135040039753')).toEqual({
      ok: true,
      raw: '2135040039753',
      kind: 'rcn',
      country: 'DK',
      itemCode: '213504',
      priceMinor: 3975,
      gtin14: '02135040039753',
    });
  });

  it('a Danish 26 or 28 weight label carries a 6-digit item and grams', () => {
    expect(parseBarcode('2623570001505')).toMatchObject({ kind: 'rcn', itemCode: '262357', weightGrams: 150 });
    expect(parseBarcode('2823570001509')).toMatchObject({ kind: 'rcn', itemCode: '282357', weightGrams: 150 });
  });

  it('a Danish 27 weight label carries a 7-digit item and grams', () => {
    expect(parseBarcode('2712341002251')).toEqual({
      ok: true,
      raw: '2712341002251',
      kind: 'rcn',
      country: 'DK',
      itemCode: '2712341',
      weightGrams: 225,
      gtin14: '02712341002251',
    });
  });

  it('Danish 20, 25 and 29 are store numbers without a value: the item code is the 12 digits before the check digit', () => {
    const result = parseBarcode('2911111111111');
    expect(result).toMatchObject({ kind: 'rcn', itemCode: '291111111111', gtin14: '02911111111111' });
    expect(result).not.toHaveProperty('priceMinor');
    expect(result).not.toHaveProperty('weightGrams');
  });

  it('an RCN is checked by its GTIN check digit first', () => {
    expect(parseBarcode('2135040039754')).toMatchObject({ ok: false, reason: 'bad-check-digit' });
  });

  it('UPC-A number systems 2 and 4 are opaque store numbers', () => {
    expect(parseBarcode('212345678909')).toMatchObject({ kind: 'rcn', itemCode: '021234567890' });
    expect(parseBarcode('412345678903')).toMatchObject({ kind: 'rcn', itemCode: '041234567890' });
  });

  it('a GTIN-14 with indicator 0 around an RCN reads like the RCN', () => {
    expect(parseBarcode('02135040039753')).toMatchObject({ kind: 'rcn', priceMinor: 3975 });
  });
});

describe('RCNs of other countries', () => {
  it('Swedish 20/21/22 are prices with 2/1/0 decimals after an 8-digit item', () => {
    const country = 'SE';
    expect(parseBarcode('2088060112343', { country })).toMatchObject({ itemCode: '20880601', priceMinor: 1234 });
    expect(parseBarcode('2188060112340', { country })).toMatchObject({ priceMinor: 12340 });
    expect(parseBarcode('2288060112347', { country })).toMatchObject({ country: 'SE', priceMinor: 123400 });
  });

  it('Swedish 23/24/25 are weights in kg with 3/2/1 decimals', () => {
    const country = 'SE';
    expect(parseBarcode('2388060112344', { country })).toMatchObject({ itemCode: '23880601', weightGrams: 1234 });
    expect(parseBarcode('2488060112341', { country })).toMatchObject({ weightGrams: 12340 });
    expect(parseBarcode('2588060112348', { country })).toMatchObject({ weightGrams: 123400 });
  });

  it('Norwegian labels follow the Swedish layout (real labels: Norvegia 1.086 kg, chicken 0.226 kg)', () => {
    expect(parseBarcode('2302148210869', { country: 'NO' })).toMatchObject({ country: 'NO', weightGrams: 1086 });
    expect(parseBarcode('2368091402263', { country: 'NO' })).toMatchObject({ itemCode: '23680914', weightGrams: 226 });
  });

  it('Finnish 23/24/25 are weights; Finnish 20 is an opaque store number', () => {
    expect(parseBarcode('2488060112341', { country: 'FI' })).toMatchObject({ country: 'FI', weightGrams: 12340 });
    expect(parseBarcode('2088060112343', { country: 'FI' })).toMatchObject({ itemCode: '208806011234' });
    expect(parseBarcode('2088060112343', { country: 'FI' })).not.toHaveProperty('priceMinor');
  });

  it('a German 22/23 price label has a 5-digit price guarded by a price verifier digit', () => {
    expect(parseBarcode('2211114002394', { country: 'DE' })).toMatchObject({ itemCode: '221111', priceMinor: 239 });
    expect(parseBarcode('2330714002396', { country: 'DE' })).toMatchObject({ itemCode: '233071', priceMinor: 239 });
  });

  it('German 25/26 carry a count and 28/29 a weight in grams, each with a verifier digit', () => {
    expect(parseBarcode('2511119000129', { country: 'DE' })).toMatchObject({ itemCode: '251111', count: 12 });
    expect(parseBarcode('2811111068708', { country: 'DE' })).toMatchObject({ itemCode: '281111', weightGrams: 6870 });
  });

  it('a wrong German verifier digit is bad-price-check even when the GTIN check digit is right', () => {
    const result = parseBarcode('2511118000120', { country: 'DE' });
    expect(result).toMatchObject({ ok: false, reason: 'bad-price-check' });
    expect(!result.ok && result.message).toContain('9');
  });

  it('a UK 20/28 branded price label: 7-digit item, 4-digit price verifier, price in pence', () => {
    expect(parseBarcode('2011122912346', { country: 'GB' })).toMatchObject({
      kind: 'rcn',
      country: 'GB',
      itemCode: '2011122',
      priceMinor: 1234,
      gtin14: '02011122912346',
    });
  });

  it('a wrong UK price verifier digit is bad-price-check', () => {
    expect(parseBarcode('2011122812349', { country: 'GB' })).toMatchObject({ ok: false, reason: 'bad-price-check' });
  });

  it('the rule table is consistent: each layout fills the 12 digits before the check digit, verifiers guard 4 or 5 digits', () => {
    for (const [country, rules] of Object.entries(RCN_RULES)) {
      expect(rules.source, country).not.toBe('');
      for (const [prefix, layout] of Object.entries(rules.layouts)) {
        if (!layout) continue;
        expect(prefix, country).toMatch(/^(02|2\d)$/);
        expect(layout.itemDigits + (layout.verifier ? 1 : 0) + layout.valueDigits, `${country} ${prefix}`).toBe(12);
        if (layout.verifier) expect([4, 5]).toContain(layout.valueDigits);
      }
    }
  });
});
