import { describe, expect, it } from 'vitest';
import { parseBarcode } from './index.js';

describe('GS1 Digital Link URIs', () => {
  it('reads the key, its qualifiers and the query attributes with the same derived fields as element strings', () => {
    const uri = 'https://id.gs1.org/01/09506000134352/10/ABC123?3103=000195&17=201225';
    expect(parseBarcode(uri)).toEqual({
      ok: true,
      raw: uri,
      kind: 'gs1',
      source: 'digital-link',
      elements: [
        { ai: '01', value: '09506000134352', title: 'GTIN' },
        { ai: '10', value: 'ABC123', title: 'BATCH/LOT' },
        { ai: '3103', value: '000195', title: 'NET WEIGHT (kg)' },
        { ai: '17', value: '201225', title: 'USE BY or EXPIRY' },
      ],
      gtin14: '09506000134352',
      weightGrams: 195,
      expiry: '2020-12-25',
      batch: 'ABC123',
    });
  });

  it('any host and a path prefix before the primary key are allowed', () => {
    expect(parseBarcode('https://brand.example.com/products/qr/01/09506000134352/21/12345')).toMatchObject({
      kind: 'gs1',
      source: 'digital-link',
      gtin14: '09506000134352',
      elements: [{ ai: '01' }, { ai: '21', value: '12345' }],
    });
  });

  it('qualifiers of a GTIN may be 22, 10, 21 in that order, and 235 in place of 21', () => {
    expect(parseBarcode('https://id.gs1.org/01/09506000134352/22/2A/10/ABC/21/XYZ')).toMatchObject({ ok: true });
    expect(parseBarcode('https://id.gs1.org/01/09506000134352/10/ABC/235/TPX1')).toMatchObject({ ok: true });
  });

  it('qualifiers in the wrong order are bad-uri', () => {
    const result = parseBarcode('https://id.gs1.org/01/09506000134352/21/XYZ/10/ABC');
    expect(result).toMatchObject({ ok: false, reason: 'bad-uri' });
    expect(!result.ok && result.message).toContain('22, 10, 21');
  });

  it('a data attribute in the path instead of the query is bad-uri', () => {
    expect(parseBarcode('https://id.gs1.org/01/09506000134352/17/201225')).toMatchObject({ ok: false, reason: 'bad-uri' });
  });

  it('non-AI query parameters such as linkType are ignored; unknown numeric ones are unknown-ai', () => {
    expect(parseBarcode('https://id.gs1.org/01/09506000134352?linkType=gs1:pip&lang=da')).toMatchObject({
      ok: true,
      elements: [{ ai: '01' }],
    });
    expect(parseBarcode('https://id.gs1.org/01/09506000134352?9999=1')).toMatchObject({ ok: false, reason: 'unknown-ai' });
  });

  it('values are percent-decoded; broken percent-encoding is bad-uri', () => {
    expect(parseBarcode('https://id.gs1.org/01/09506000134352/10/AB%2FC%25?3922=1995')).toMatchObject({
      batch: 'AB/C%',
      priceMinor: 1995,
    });
    expect(parseBarcode('https://id.gs1.org/01/09506000134352/10/AB%ZZ')).toMatchObject({ ok: false, reason: 'bad-uri' });
  });

  it('element rules apply inside links: a bad GTIN check digit or a bad date is reported as such', () => {
    expect(parseBarcode('https://id.gs1.org/01/09506000134353')).toMatchObject({ ok: false, reason: 'bad-check-digit' });
    expect(parseBarcode('https://id.gs1.org/01/09506000134352?17=201332')).toMatchObject({ ok: false, reason: 'bad-date' });
  });

  it('a GTIN-13 in the path is padded to 14 digits, and convenience names like /gtin/ and /lot/ work', () => {
    expect(parseBarcode('https://example.org/gtin/9506000134352/lot/ABC')).toMatchObject({
      gtin14: '09506000134352',
      batch: 'ABC',
    });
  });

  it('an SSCC or a GLN key alone gives an sscc or gln result', () => {
    expect(parseBarcode('https://id.gs1.org/00/376104250021234569')).toMatchObject({ kind: 'sscc', sscc: '376104250021234569' });
    expect(parseBarcode('https://id.gs1.org/414/5790000000005')).toMatchObject({ kind: 'gln', gln: '5790000000005' });
  });

  it('a key without a value, or the same AI twice, is bad-uri', () => {
    expect(parseBarcode('https://id.gs1.org/01/09506000134352/10')).toMatchObject({ ok: false, reason: 'bad-uri' });
    expect(parseBarcode('https://id.gs1.org/01/09506000134352/10/A?10=B')).toMatchObject({ ok: false, reason: 'bad-uri' });
  });

  it('a web address without a GS1 primary key is unsupported, not a product', () => {
    const result = parseBarcode('https://www.example.com/about/constructor/toString');
    expect(result).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(!result.ok && result.message).toContain('not a GS1 Digital Link');
  });

  it('an upper-case link from a QR code in alphanumeric mode is read', () => {
    expect(parseBarcode(']Q1HTTPS://ID.GS1.ORG/01/09506000134352/10/ABC123')).toMatchObject({
      symbology: ']Q1',
      batch: 'ABC123',
    });
  });
});
