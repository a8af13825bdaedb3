import { describe, expect, it } from 'vitest';
import { DEFAULT_OWN_PREFIXES, parseBarcode, validateOwnPrefixes } from './index.js';

describe('our own codes', () => {
  it('loyalty cards, coupons and staff badges are recognised by their default prefixes LOY, CPN, STF', () => {
    expect(parseBarcode('LOY12345678')).toEqual({ ok: true, raw: 'LOY12345678', kind: 'loyalty', id: '12345678' });
    expect(parseBarcode('CPNSUMMER-25')).toMatchObject({ kind: 'coupon', id: 'SUMMER-25' });
    expect(parseBarcode('STF0042')).toMatchObject({ kind: 'staff', id: '0042' });
  });

  it('prefix and id are read case-insensitively, and the id is upper-cased', () => {
    expect(parseBarcode('loyab12cd')).toMatchObject({ kind: 'loyalty', id: 'AB12CD' });
  });

  it('own codes arrive from Code 128 or QR with a symbology identifier too', () => {
    expect(parseBarcode(']C0STF0042')).toMatchObject({ kind: 'staff', id: '0042', symbology: ']C0' });
  });

  it('an id that is too short, too long or has other characters is bad-value', () => {
    expect(parseBarcode('LOY123')).toMatchObject({ ok: false, reason: 'bad-value' });
    expect(parseBarcode(`LOY${'1'.repeat(33)}`)).toMatchObject({ ok: false, reason: 'bad-value' });
    expect(parseBarcode('LOY1234_5678')).toMatchObject({ ok: false, reason: 'bad-value' });
    expect(parseBarcode('LOY')).toMatchObject({ ok: false, reason: 'bad-value' });
    expect(parseBarcode('CPN--SUMMER-25')).toMatchObject({ ok: false, reason: 'bad-value' }); // must start with a letter or digit
  });

  it('one dash may separate the prefix from the id', () => {
    expect(parseBarcode('CPN-SUMMER-25')).toMatchObject({ ok: true, kind: 'coupon', id: 'SUMMER-25' });
    expect(parseBarcode('loy-1000-0001')).toMatchObject({ ok: true, kind: 'loyalty', id: '1000-0001' });
  });

  it('configured prefixes replace the defaults', () => {
    const ownPrefixes = { loyalty: 'K', coupon: 'RAB', staff: 'EMP' };
    expect(parseBarcode('K99887766', { ownPrefixes })).toMatchObject({ kind: 'loyalty', id: '99887766' });
    expect(parseBarcode('EMP0042', { ownPrefixes })).toMatchObject({ kind: 'staff' });
    expect(parseBarcode('LOY12345678', { ownPrefixes })).toMatchObject({ ok: false, reason: 'bad-characters' });
  });
});

describe('validating own prefixes', () => {
  it('the defaults are fine', () => {
    expect(validateOwnPrefixes(DEFAULT_OWN_PREFIXES)).toEqual([]);
  });

  it('rejects empty prefixes', () => {
    const problems = validateOwnPrefixes({ loyalty: '', coupon: 'CPN', staff: 'STF' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('loyalty card prefix is empty');
  });

  it('rejects all-digit prefixes, which would collide with GTINs, RCNs and GS1 coupons', () => {
    const problems = validateOwnPrefixes({ loyalty: 'LOY', coupon: '99', staff: 'STF' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('all digits');
  });

  it('rejects a prefix that is a prefix of another, since their codes could not be told apart', () => {
    const problems = validateOwnPrefixes({ loyalty: 'S', coupon: 'CPN', staff: 'STF' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("'S' is a prefix of the staff badge prefix 'STF'");
    expect(validateOwnPrefixes({ loyalty: 'LOY', coupon: 'LOY', staff: 'STF' })).toHaveLength(1);
  });

  it('rejects characters a scanner or the parser would trip over', () => {
    expect(validateOwnPrefixes({ loyalty: 'LO Y', coupon: 'CPN', staff: 'ST]F' })).toHaveLength(2);
    expect(validateOwnPrefixes({ loyalty: 'LOY', coupon: 'cpn', staff: 'STF' })).toHaveLength(1);
  });
});
