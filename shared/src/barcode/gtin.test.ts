import { describe, expect, it } from 'vitest';
import { parseBarcode } from './index.js';

describe('GTINs', () => {
  it('a GTIN-13 with a valid check digit is a gtin padded to 14 digits', () => {
    expect(parseBarcode('5701234567899')).toEqual({
      ok: true,
      raw: '5701234567899',
      kind: 'gtin',
      gtin14: '05701234567899',
      format: 'GTIN-13',
    });
  });

  it('GTIN-12 (UPC-A) and GTIN-14 keep their format name', () => {
    expect(parseBarcode('036000291452')).toMatchObject({ kind: 'gtin', gtin14: '00036000291452', format: 'GTIN-12' });
    expect(parseBarcode('10012345678902')).toMatchObject({ kind: 'gtin', gtin14: '10012345678902', format: 'GTIN-14' });
  });

  it('a wrong check digit is bad-check-digit and the message names the expected digit', () => {
    const result = parseBarcode('5701234567898');
    expect(result).toMatchObject({ ok: false, reason: 'bad-check-digit' });
    expect(!result.ok && result.message).toContain('should be 9');
  });

  it('ISSN (977) and ISBN (978/979) numbers are ordinary GTINs', () => {
    expect(parseBarcode('9771234567003')).toMatchObject({ kind: 'gtin', gtin14: '09771234567003' });
    expect(parseBarcode('9780306406157')).toMatchObject({ kind: 'gtin', format: 'GTIN-13' });
  });

  it('an ISBN read with its price add-on (]E3) keeps only the main code', () => {
    expect(parseBarcode(']E3978030640615752495')).toMatchObject({
      kind: 'gtin',
      gtin14: '09780306406157',
      symbology: ']E3',
    });
  });
});

describe('8-digit codes: GTIN-8 or UPC-E', () => {
  it('without symbology, a code whose last digit checks its UPC-A expansion is UPC-E (01234565 ↔ 012345000065)', () => {
    // 01234565 is also a valid GTIN-8; the rule prefers UPC-E when the expansion checks.
    expect(parseBarcode('01234565')).toMatchObject({ kind: 'gtin', format: 'UPC-E', gtin14: '00012345000065' });
  });

  it('without symbology, a valid GTIN-8 that is not a valid UPC-E stays a GTIN-8', () => {
    expect(parseBarcode('07654329')).toMatchObject({ kind: 'gtin', format: 'GTIN-8', gtin14: '00000007654329' });
    expect(parseBarcode('95012346')).toMatchObject({ kind: 'gtin', format: 'GTIN-8' });
  });

  it('the EAN-8 symbology ]E4 forces GTIN-8', () => {
    expect(parseBarcode(']E401234565')).toMatchObject({ kind: 'gtin', format: 'GTIN-8', gtin14: '00000001234565' });
  });

  it('the EAN/UPC symbology ]E0 with 8 digits forces UPC-E', () => {
    expect(parseBarcode(']E007654325')).toMatchObject({ format: 'UPC-E', gtin14: '00076200005435' });
    expect(parseBarcode(']E007654329')).toMatchObject({ ok: false, reason: 'bad-check-digit' });
  });

  it('an 8-digit code that is neither a valid UPC-E nor a valid GTIN-8 is bad-check-digit', () => {
    const result = parseBarcode('01234566');
    expect(result).toMatchObject({ ok: false, reason: 'bad-check-digit' });
    expect(!result.ok && result.message).toContain('UPC-E');
  });

  it('a GTIN-8 starting with 2 is a company-internal RCN-8 with a 7-digit item code', () => {
    expect(parseBarcode('21234569')).toMatchObject({ kind: 'rcn', itemCode: '2123456', gtin14: '00000021234569' });
  });
});

describe('GS1 coupon and refund ranges', () => {
  it('prefix 99 is a GS1 coupon and is unsupported', () => {
    const result = parseBarcode('9912345678909');
    expect(result).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(!result.ok && result.message).toContain('coupon');
  });

  it('prefix 980 is a refund receipt and 981–984 are currency coupons, all unsupported', () => {
    expect(parseBarcode('9801234567892')).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(parseBarcode('9812345678902')).toMatchObject({ ok: false, reason: 'unsupported' });
  });

  it('UPC-A number system 5 (US coupons) is unsupported', () => {
    expect(parseBarcode('512345678900')).toMatchObject({ ok: false, reason: 'unsupported' });
  });

  it('a coupon range matches our own coupon prefix when the store configured one there', () => {
    const ownPrefixes = { loyalty: 'LOY', coupon: '99', staff: 'STF' };
    expect(parseBarcode('9912345678909', { ownPrefixes })).toEqual({
      ok: true,
      raw: '9912345678909',
      kind: 'coupon',
      id: '12345678909',
    });
  });
});
