import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, parseBarcode, type BarcodeErrorReason } from './index.js';
import { parseBarcodeForTest } from './parse-barcode.js';

describe('input handling', () => {
  it('an empty or blank input is empty', () => {
    expect(parseBarcode('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseBarcode('  \r\n')).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseBarcode(']E0')).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('surrounding spaces and the CR/LF of a keyboard-wedge scanner are trimmed; raw keeps the input as given', () => {
    expect(parseBarcode(' 5701234567899\r\n')).toMatchObject({ ok: true, raw: ' 5701234567899\r\n', gtin14: '05701234567899' });
  });

  it('a symbology identifier is stripped and reported', () => {
    expect(parseBarcode(']E05701234567899')).toMatchObject({ symbology: ']E0', format: 'GTIN-13' });
    expect(parseBarcode(']I110012345678902')).toMatchObject({ symbology: ']I1', format: 'GTIN-14' });
  });

  it('control characters other than GS are bad-characters', () => {
    expect(parseBarcode('5701234\x00567899')).toMatchObject({ ok: false, reason: 'bad-characters' });
    expect(parseBarcode('LOY1234\x1b5678')).toMatchObject({ ok: false, reason: 'bad-characters' });
  });

  it('letters outside our own codes, URIs and element strings are bad-characters, and the message names the character', () => {
    const result = parseBarcode('57012345X7899');
    expect(result).toMatchObject({ ok: false, reason: 'bad-characters' });
    expect(!result.ok && result.message).toContain("'X'");
    expect(parseBarcode('hello world')).toMatchObject({ ok: false, reason: 'bad-characters' });
  });

  it('a digit string of a length no code has is bad-length', () => {
    for (const digits of ['12', '1234567', '1234567890', '12345678901', '123456789012345']) {
      expect(parseBarcode(digits), digits).toMatchObject({ ok: false, reason: 'bad-length' });
    }
  });

  it('inputs longer than 512 characters are bad-length before any parsing', () => {
    expect(parseBarcode('1'.repeat(513))).toMatchObject({ ok: false, reason: 'bad-length' });
  });

  it('a bare 3–6 digit string is a PLU unless PLUs are turned off', () => {
    expect(parseBarcode('4011')).toEqual({ ok: true, raw: '4011', kind: 'plu', plu: '4011' });
    expect(parseBarcode('094011')).toMatchObject({ kind: 'plu', plu: '094011' });
    expect(parseBarcode('4011', { allowPlu: false })).toMatchObject({ ok: false, reason: 'bad-length' });
  });

  it('an 18-digit number with a valid check digit is an SSCC', () => {
    expect(parseBarcode('376104250021234569')).toEqual({ ok: true, raw: '376104250021234569', kind: 'sscc', sscc: '376104250021234569' });
    expect(parseBarcode('376104250021234568')).toMatchObject({ ok: false, reason: 'bad-check-digit' });
  });

  it('an EAN add-on read alone is unsupported', () => {
    expect(parseBarcode(']E252495')).toMatchObject({ ok: false, reason: 'unsupported' });
  });

  it('an unknown RCN country from an untyped caller is unsupported rather than a crash', () => {
    expect(parseBarcode('2135040039753', { country: 'XX' as never })).toMatchObject({ ok: false, reason: 'unsupported' });
  });
});

/** Small deterministic PRNG (mulberry32) so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REASONS: readonly BarcodeErrorReason[] = [
  'empty', 'bad-characters', 'bad-length', 'bad-check-digit', 'bad-price-check', 'unknown-ai',
  'truncated', 'bad-value', 'bad-date', 'bad-uri', 'unsupported',
];

const SEEDS = [
  '2135040039753', '01234565', ']C1011234567890123115991231', '(01)09521234543213(3103)000123',
  '010950600013435210ABC123\x1d17201225', 'https://id.gs1.org/01/09506000134352/10/ABC123?3103=000195&17=201225',
  'LOY12345678', '376104250021234569', '2011122912346', '(01)09521234543213(10)AB(C)D',
];
const ALPHABET = '0123456789()]/?&=%.:-_ABCDEFEQCdeJhtps\x1d\r\n \x00é€😀';

describe('never throws', () => {
  it('any string — random, mutated from real codes, or huge — gives a result with a reason and a message', () => {
    const next = random(20240229);
    const pick = (text: string): string => text.charAt(Math.floor(next() * text.length));
    const inputs: string[] = ['x'.repeat(1_000_000), '('.repeat(600), '\x1d'.repeat(512), '\uD800', ']'];
    for (let i = 0; i < 4000; i += 1) {
      const length = Math.floor(next() ** 3 * 700);
      inputs.push(Array.from({ length }, () => pick(ALPHABET)).join(''));
    }
    for (let i = 0; i < 4000; i += 1) {
      const chars = [...(SEEDS[i % SEEDS.length] ?? '')];
      for (let m = 0; m < 1 + Math.floor(next() * 3); m += 1) {
        const at = Math.floor(next() * (chars.length + 1));
        const op = next();
        if (op < 0.4) chars.splice(at, 1, pick(ALPHABET));
        else if (op < 0.7) chars.splice(at, 1);
        else chars.splice(at, 0, pick(ALPHABET));
      }
      inputs.push(chars.join(''));
    }
    for (const input of inputs) {
      const result = parseBarcodeForTest(input, {});
      expect(result.raw).toBe(input);
      if (!result.ok) {
        expect(REASONS).toContain(result.reason);
        expect(result.message.length).toBeGreaterThan(10);
      }
    }
  });

  it('property: any string of any characters is answered with its raw input kept', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 600 }), (input) => {
        const result = parseBarcodeForTest(input, {});
        return result.raw === input && (result.ok || REASONS.includes(result.reason));
      }),
      { numRuns: 2000 },
    );
  });

  it('property: every 13-digit number with a correct check digit is read (or refused as a coupon), never a check-digit error', () => {
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 12, maxLength: 12 });
    fc.assert(
      fc.property(digits, (body) => {
        const result = parseBarcodeForTest(`${body}${gtinCheckDigit(body)}`, {});
        return result.ok || result.reason === 'unsupported' || result.reason === 'bad-price-check';
      }),
      { numRuns: 2000 },
    );
  });

  it('non-string input from an untyped caller is answered, not thrown', () => {
    expect(parseBarcode(undefined as never)).toMatchObject({ ok: false });
    expect(parseBarcode(42 as never, null as never)).toMatchObject({ ok: false });
  });
});
