/** parseBarcode: tells what a scanned or typed code is, and never throws. */
import { gtinCheckDigit, hasValidCheckDigit } from './check-digit.js';
import { parseBracketed } from './gs1-bracketed.js';
import { elementsToPayload } from './gs1-derive.js';
import { isWebUri, parseDigitalLink } from './gs1-digital-link.js';
import { GS, parseElementString } from './gs1-element-string.js';
import { parseGtinDigits } from './gtin.js';
import { failure, quote, success, type Outcome } from './outcome.js';
import { DEFAULT_OWN_PREFIXES, matchOwnPrefix, parseOwnCode } from './own-codes.js';
import { RCN_RULES } from './rcn-rules.js';
import { EAN_WITH_ADD_ON, isEanSymbology, isGs1Symbology, splitSymbology } from './symbology.js';
import type { BarcodeErrorReason, BarcodePayload, BarcodeResult, Gs1Element, OwnCodePrefixes, ParseOptions, RcnCountry } from './types.js';

/** Longer input is refused before any work: no barcode we read comes near it. */
export const MAX_INPUT_LENGTH = 512;

/** C0 controls and DEL, except GS (0x1d), the FNC1 separator of GS1 element strings. */
const CONTROL = /[\x00-\x1c\x1e\x1f\x7f]/;

interface Context {
  symbology: string | undefined;
  country: RcnCountry;
  prefixes: OwnCodePrefixes;
  allowPlu: boolean;
}

function gs1(parsed: Outcome<Gs1Element[]>, source: 'element-string' | 'digital-link'): Outcome<BarcodePayload> {
  return parsed.ok ? elementsToPayload(parsed.value, source) : parsed;
}

/** ]E3 sends the main code and its 2- or 5-digit add-on (ISBN price, issue number) together. */
function dropAddOn(digits: string): string {
  if (digits.length === 15 || digits.length === 18) return digits.slice(0, 13);
  if (digits.length === 10 || digits.length === 13) return digits.slice(0, 8);
  return digits;
}

function lengthHelp(ctx: Context): string {
  return `GTINs and UPC-E have 8, 12, 13 or 14 digits and an SSCC 18${ctx.allowPlu ? '; a PLU has 3–6' : ''}`;
}

function interpretDigits(input: string, ctx: Context): Outcome<BarcodePayload> {
  if (ctx.symbology === ']E1' || ctx.symbology === ']E2') {
    return failure('unsupported', `${input} is an EAN add-on read without its main code; scan the main barcode.`);
  }
  const digits = ctx.symbology === EAN_WITH_ADD_ON ? dropAddOn(input) : input;
  const n = digits.length;
  if (n >= 3 && n <= 6 && ctx.allowPlu && !isEanSymbology(ctx.symbology)) return success({ kind: 'plu', plu: digits });
  if (n === 8 || (n >= 12 && n <= 14)) return parseGtinDigits(digits, ctx.symbology, ctx.country);
  if (n === 18) {
    return hasValidCheckDigit(digits)
      ? success({ kind: 'sscc', sscc: digits })
      : failure(
          'bad-check-digit',
          `SSCC ${digits} ends in ${digits.slice(-1)}, but its check digit should be ${gtinCheckDigit(digits.slice(0, -1))}.`,
        );
  }
  if (n > 14 && /^(0[0-2]|41)/.test(digits)) return gs1(parseElementString(digits), 'element-string');
  return failure('bad-length', `${n} digits is not the length of a code we read: ${lengthHelp(ctx)}.`);
}

function interpret(data: string, ctx: Context): Outcome<BarcodePayload> {
  if (isWebUri(data)) return gs1(parseDigitalLink(data), 'digital-link');
  if (isGs1Symbology(ctx.symbology)) {
    return gs1(data.startsWith('(') ? parseBracketed(data) : parseElementString(data), 'element-string');
  }
  const own = matchOwnPrefix(data, ctx.prefixes);
  if (own) return parseOwnCode(data, own, ctx.prefixes);
  if (data.startsWith('(')) return gs1(parseBracketed(data), 'element-string');
  if (data.includes(GS)) return gs1(parseElementString(data), 'element-string');
  if (/^\d+$/.test(data)) return interpretDigits(data, ctx);
  // A GS1-128 label read without symbology identifier: a complete GTIN/SSCC/GLN element, then more.
  if (/^(0[12]\d{14}|00\d{18}|41[0-7]\d{13})./.test(data)) return gs1(parseElementString(data), 'element-string');
  const bad = /[^0-9]/.exec(data)?.[0] ?? '';
  const ownList = [ctx.prefixes.loyalty, ctx.prefixes.coupon, ctx.prefixes.staff].map((p) => `${p}…`).join(', ');
  return failure(
    'bad-characters',
    `${quote(data)} is not a code we know: it contains ${quote(bad)}, and only our own codes (${ownList}), GS1 element strings and GS1 Digital Link addresses may contain more than digits.`,
  );
}

function parseUnguarded(raw: string, options: ParseOptions): BarcodeResult {
  const error = (reason: BarcodeErrorReason, message: string): BarcodeResult => ({ ok: false, raw, reason, message });
  if (typeof raw !== 'string') return { ok: false, raw: '', reason: 'bad-characters', message: 'The scanned code is not text.' };
  const country = options.country ?? 'DK';
  if (!Object.hasOwn(RCN_RULES, country)) return error('unsupported', `There are no price-label rules for the country ${quote(String(country))}.`);
  if (raw.length > MAX_INPUT_LENGTH) {
    return error('bad-length', `The input is ${raw.length} characters long; no code we read is longer than ${MAX_INPUT_LENGTH}.`);
  }
  const trimmed = raw.trim(); // spaces, and the CR/LF a keyboard-wedge scanner sends after the code
  if (trimmed === '') return error('empty', 'Nothing was scanned or typed.');
  const { id: symbology, data } = splitSymbology(trimmed);
  if (data === '') return error('empty', `Only the symbology identifier ${symbology ?? ''} arrived, without data.`);
  const control = CONTROL.exec(data);
  if (control) return error('bad-characters', `The code contains the control character ${quote(control[0])}, which no barcode we read carries.`);
  const ctx: Context = {
    symbology,
    country,
    prefixes: options.ownPrefixes ?? DEFAULT_OWN_PREFIXES,
    allowPlu: options.allowPlu ?? true,
  };
  const outcome = interpret(data, ctx);
  if (!outcome.ok) return error(outcome.reason, outcome.message);
  return { ok: true, raw, ...(symbology ? { symbology } : {}), ...outcome.value };
}

/**
 * Reads a scanned or typed code: a GTIN, UPC-E, RCN price/weight label, GS1 element string,
 * GS1 Digital Link, SSCC, GLN, PLU or one of our own codes. Never throws; a failure comes back
 * as { ok: false, reason, message } with an English message naming what is wrong.
 */
export function parseBarcode(raw: string, options: ParseOptions = {}): BarcodeResult {
  try {
    return parseUnguarded(raw, options ?? {});
  } catch {
    return { ok: false, raw: typeof raw === 'string' ? raw : '', reason: 'unsupported', message: 'The code could not be read.' };
  }
}

/** The same without the safety net, so tests can prove that nothing inside throws. */
export const parseBarcodeForTest = parseUnguarded;
