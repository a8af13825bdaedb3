/** The store's own codes — loyalty cards, coupons, staff badges — recognised by configurable prefixes. */
import { failure, quote, success, type Outcome } from './outcome.js';
import type { BarcodePayload, OwnCodePrefixes } from './types.js';

type OwnKind = keyof OwnCodePrefixes;
type OwnPayload = Extract<BarcodePayload, { kind: OwnKind }>;

/**
 * Letter prefixes can never collide with GTINs, RCNs or GS1 coupon ranges, which are all digits.
 * Scanners send them from Code 128 or QR codes, e.g. 'LOY12345678'.
 */
export const DEFAULT_OWN_PREFIXES: OwnCodePrefixes = Object.freeze({ loyalty: 'LOY', coupon: 'CPN', staff: 'STF' });

const NAMES: Record<OwnKind, string> = { loyalty: 'loyalty card', coupon: 'coupon', staff: 'staff badge' };
const KINDS: readonly OwnKind[] = ['loyalty', 'coupon', 'staff'];
const PREFIX = /^[A-Z0-9]{1,8}$/;
/** The id after the prefix: 4–32 letters, digits or dashes, starting with a letter or digit. */
const ID = /^[A-Z0-9][A-Z0-9-]{3,31}$/;

/** Problems with a prefix configuration, in English; empty when it is fine. */
export function validateOwnPrefixes(p: OwnCodePrefixes): string[] {
  const problems: string[] = [];
  for (const kind of KINDS) {
    const prefix = p[kind];
    if (typeof prefix !== 'string' || prefix === '') {
      problems.push(`The ${NAMES[kind]} prefix is empty.`);
    } else if (!PREFIX.test(prefix)) {
      problems.push(`The ${NAMES[kind]} prefix ${quote(prefix)} must be 1–8 capital letters or digits.`);
    } else if (/^\d+$/.test(prefix)) {
      problems.push(`The ${NAMES[kind]} prefix ${quote(prefix)} is all digits, so it would collide with GTINs, RCNs or GS1 coupons; include a letter.`);
    }
  }
  KINDS.forEach((a, i) => {
    for (const b of KINDS.slice(i + 1)) {
      const [pa, pb] = [p[a], p[b]];
      if (typeof pa !== 'string' || typeof pb !== 'string' || pa === '' || pb === '') continue;
      const [shorter, longer] = pa.length <= pb.length ? [a, b] : [b, a];
      if (p[longer].toUpperCase().startsWith(p[shorter].toUpperCase())) {
        problems.push(
          `The ${NAMES[shorter]} prefix ${quote(p[shorter])} is a prefix of the ${NAMES[longer]} prefix ${quote(p[longer])}, so their codes cannot be told apart.`,
        );
      }
    }
  });
  return problems;
}

/** Which own prefix the input starts with (case-insensitive, longest first), if any. */
export function matchOwnPrefix(data: string, prefixes: OwnCodePrefixes): OwnKind | undefined {
  const upper = data.toUpperCase();
  const candidates = KINDS.filter((kind) => prefixes[kind] !== '' && upper.startsWith(prefixes[kind].toUpperCase()));
  return candidates.sort((a, b) => prefixes[b].length - prefixes[a].length)[0];
}

/**
 * Reads the id after the prefix and one optional dash ('LOY-1000-0001' and 'LOY10000001' both work);
 * ids are upper-cased so a scanner's caps lock does not matter.
 */
export function parseOwnCode(data: string, kind: OwnKind, prefixes: OwnCodePrefixes): Outcome<OwnPayload> {
  const rest = data.slice(prefixes[kind].length);
  const id = (rest.startsWith('-') ? rest.slice(1) : rest).toUpperCase();
  if (!ID.test(id)) {
    return failure(
      'bad-value',
      `${quote(data)} starts like a ${NAMES[kind]} (${prefixes[kind]}), but the id after the prefix must be 4–32 letters, digits or dashes starting with a letter or digit.`,
    );
  }
  return success({ kind, id });
}
