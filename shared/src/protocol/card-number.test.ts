import { describe, expect, it } from 'vitest';
import { looksLikeCardNumber, luhnValid } from './card-number.js';

describe('a payment card number in a scan field', () => {
  it.each(['4111111111111111', '4111 1111 1111 1111', '5413-3300-8909-9999', '378282246310005', '6799998900000099990', '%B5413330089099999^TEST/CARD^2802101?', ';4111111111111111=28021010000000000?'])(
    '%s is a card number',
    (code) => expect(looksLikeCardNumber(code)).toBe(true),
  );

  it.each([
    ['a GTIN-13 that happens to pass Luhn', '5701234000006'],
    ['a GTIN-14 that happens to pass Luhn', '15701234001093'],
    ['a GTIN-14', '05700000000011'],
    ['AI (01) with a GTIN-14, no symbology identifier', '0105700000000011'],
    ['a Danish price label', '2135040039753'],
    ['a PLU', '4011'],
    ['a member card', 'LOY-10000001'],
    ['16 digits failing Luhn', '4111111111111112'],
    ['20 digits', '41111111111111111111'],
  ])('%s (%s) is not', (_what, code) => expect(looksLikeCardNumber(code)).toBe(false));

  it('the Luhn check', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
  });
});
