import { describe, expect, it } from 'vitest';
import { parseBarcode } from './index.js';

const GS = '\x1d';

describe('GS1 element strings', () => {
  it('a GS1-128 with ]C1 reads predefined-length fields without separators', () => {
    expect(parseBarcode(']C1011234567890123115991231')).toEqual({
      ok: true,
      raw: ']C1011234567890123115991231',
      symbology: ']C1',
      kind: 'gs1',
      source: 'element-string',
      elements: [
        { ai: '01', value: '12345678901231', title: 'GTIN' },
        { ai: '15', value: '991231', title: 'BEST BEFORE or BEST BY' },
      ],
      gtin14: '12345678901231',
    });
  });

  it('a variable-length field ends at GS: GTIN, batch ABC123, expiry 2020-12-25', () => {
    expect(parseBarcode(`0109506000134352${'10ABC123'}${GS}17201225`)).toMatchObject({
      kind: 'gs1',
      gtin14: '09506000134352',
      batch: 'ABC123',
      expiry: '2020-12-25',
    });
  });

  it('the last variable-length field ends at the end of the data', () => {
    expect(parseBarcode(']d2010950600013435217201225' + '10ABC123')).toMatchObject({
      symbology: ']d2',
      batch: 'ABC123',
      expiry: '2020-12-25',
    });
  });

  it('a leading GS (FNC1 sent as GS) and a GS after a fixed-length field are tolerated', () => {
    expect(parseBarcode(`${GS}0109506000134352${GS}17201225`)).toMatchObject({ gtin14: '09506000134352', expiry: '2020-12-25' });
  });

  it('expiry day 00 means the last day of the month, leap years included', () => {
    const expiry = (yymmdd: string): unknown => {
      const result = parseBarcode(`]C1010950600013435217${yymmdd}`);
      return result.ok && result.kind === 'gs1' ? result.expiry : result;
    };
    expect(expiry('240200')).toBe('2024-02-29');
    expect(expiry('230200')).toBe('2023-02-28');
    expect(expiry('000200')).toBe('2000-02-29');
    expect(expiry('250400')).toBe('2025-04-30');
    expect(expiry('251200')).toBe('2025-12-31');
  });

  it('a month 13, a day 32 or 29 February of a common year is bad-date', () => {
    for (const date of ['241300', '240132', '230229', '240431']) {
      expect(parseBarcode(`]C1010950600013435217${date}`), date).toMatchObject({ ok: false, reason: 'bad-date' });
    }
  });

  it('net weight 310n is kg with n decimals, converted to grams rounded half away from zero', () => {
    const grams = (ai: string, value: string): unknown => {
      const result = parseBarcode(`]C10109506000134352${ai}${value}`);
      return result.ok && result.kind === 'gs1' ? result.weightGrams : result;
    };
    expect(grams('3103', '000123')).toBe(123);
    expect(grams('3102', '000150')).toBe(1500);
    expect(grams('3100', '000002')).toBe(2000);
    expect(grams('3104', '012345')).toBe(1235);
    expect(grams('3105', '012345')).toBe(123);
  });

  it('price 392n is an amount with n decimals in minor units; 393n starts with an ISO currency code', () => {
    expect(parseBarcode(`]C1010950600013435239220599`)).toMatchObject({ priceMinor: 599 });
    expect(parseBarcode(`]C101095060001343523921123`)).toMatchObject({ priceMinor: 1230 });
    expect(parseBarcode(`]C10109506000134352392312345`)).toMatchObject({ priceMinor: 1235 });
    expect(parseBarcode(`]C101095060001343523932208${'4995'}`)).toMatchObject({ priceMinor: 4995 });
  });

  it('count comes from AI 30 (or 37) and the GTIN may come from AI 02', () => {
    expect(parseBarcode(`]C10209506000134352${'3712'}`)).toMatchObject({ gtin14: '09506000134352', count: 12 });
    expect(parseBarcode(`]C1010950600013435230${'5'}`)).toMatchObject({ count: 5 });
  });

  it('a bad check digit in AI 01 is bad-check-digit', () => {
    expect(parseBarcode(']C10109506000134353')).toMatchObject({ ok: false, reason: 'bad-check-digit' });
  });

  it('an AI that is not in the table is unknown-ai, and a missing decimal family member says which n exist', () => {
    expect(parseBarcode(`]C10109506000134352${'2399'}`)).toMatchObject({ ok: false, reason: 'unknown-ai' });
    const result = parseBarcode(`]C10109506000134352${'3106000123'}`);
    expect(result).toMatchObject({ ok: false, reason: 'unknown-ai' });
    expect(!result.ok && result.message).toContain('0–5');
  });

  it('data that ends in the middle of a fixed-length field or an AI is truncated', () => {
    expect(parseBarcode(']C1010950600013435217201')).toMatchObject({ ok: false, reason: 'truncated' });
    expect(parseBarcode(']C101095060001343')).toMatchObject({ ok: false, reason: 'truncated' });
    expect(parseBarcode(']C10109506000134352310')).toMatchObject({ ok: false, reason: 'truncated' });
    expect(parseBarcode(`]C10109506000134352${'17201'}${GS}10A`)).toMatchObject({ ok: false, reason: 'truncated' });
  });

  it('wrong characters, or letters in a numeric or decimal field, are bad-value', () => {
    expect(parseBarcode(`]C1010950600013435210AB C`)).toMatchObject({ ok: false, reason: 'bad-value' });
    expect(parseBarcode(`]C10109506000134352${'31030001A3'}`)).toMatchObject({ ok: false, reason: 'bad-value' });
    expect(parseBarcode(`]C10109506000134352${'3922'}5.99`)).toMatchObject({ ok: false, reason: 'bad-value' });
  });

  it('a variable-length field longer than its maximum is bad-value (a GS separator is probably missing)', () => {
    const result = parseBarcode(`]C1010950600013435210${'A'.repeat(21)}`);
    expect(result).toMatchObject({ ok: false, reason: 'bad-value' });
    expect(!result.ok && result.message).toContain('at most 20');
  });

  it('an element string with only AI 00 is an SSCC; with only location AIs it is a GLN', () => {
    expect(parseBarcode(']C100376104250021234569')).toMatchObject({ kind: 'sscc', sscc: '376104250021234569' });
    expect(parseBarcode(']C14145790000000005')).toMatchObject({ kind: 'gln', gln: '5790000000005' });
    expect(parseBarcode(']C14145790000000004')).toMatchObject({ ok: false, reason: 'bad-check-digit' });
  });

  it('an SSCC with more data stays a gs1 result that keeps every element', () => {
    const result = parseBarcode(`]C100376104250021234569${'400'}PO-77`);
    expect(result).toMatchObject({ kind: 'gs1', elements: [{ ai: '00' }, { ai: '400', value: 'PO-77' }] });
  });

  it('a GS1 element string without symbology identifier is recognised by its leading GTIN', () => {
    expect(parseBarcode('0109506000134352')).toMatchObject({ kind: 'gs1', gtin14: '09506000134352' });
    expect(parseBarcode('010950600013435210ABC123')).toMatchObject({ kind: 'gs1', batch: 'ABC123' });
  });
});

describe('bracketed GS1 element strings', () => {
  it('reads (01)09521234543213(3103)000123 as ZXing prints DataBar Expanded', () => {
    expect(parseBarcode('(01)09521234543213(3103)000123')).toEqual({
      ok: true,
      raw: '(01)09521234543213(3103)000123',
      kind: 'gs1',
      source: 'element-string',
      elements: [
        { ai: '01', value: '09521234543213', title: 'GTIN' },
        { ai: '3103', value: '000123', title: 'NET WEIGHT (kg)' },
      ],
      gtin14: '09521234543213',
      weightGrams: 123,
    });
  });

  it('a "(" inside alphanumeric data stays data unless it opens a known AI', () => {
    expect(parseBarcode('(01)09521234543213(10)AB(C)D(17)250100')).toMatchObject({
      batch: 'AB(C)D',
      expiry: '2025-01-31',
    });
  });

  it('with a GS1 symbology the bracketed form is accepted too', () => {
    expect(parseBarcode(']e0(01)09521234543213(3922)1995')).toMatchObject({ symbology: ']e0', priceMinor: 1995 });
  });

  it('an unknown bracketed AI is unknown-ai, a short last field is truncated, an unclosed bracket is truncated', () => {
    expect(parseBarcode('(01)09521234543213(9999)12')).toMatchObject({ ok: false, reason: 'unknown-ai' });
    expect(parseBarcode('(01)0952123454321')).toMatchObject({ ok: false, reason: 'truncated' });
    expect(parseBarcode('(01)09521234543213(31')).toMatchObject({ ok: false });
    expect(parseBarcode('(01')).toMatchObject({ ok: false, reason: 'truncated' });
  });
});
