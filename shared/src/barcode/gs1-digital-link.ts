/** Parses GS1 Digital Link URIs (from QR codes) into GS1 elements: primary key, key qualifiers in order, query attributes. */
import { lookupAi } from './gs1-ai-spec.js';
import { validateElement } from './gs1-validate.js';
import { failure, quote, success, type Failure, type Outcome } from './outcome.js';
import type { Gs1Element } from './types.js';

/** Primary keys and the orders their qualifiers may take in the path (GS1 Digital Link standard). */
const KEY_QUALIFIERS = new Map<string, readonly (readonly string[])[]>([
  ['01', [['22', '10', '21'], ['22', '10', '235']]],
  ['8006', [['22', '10', '21']]],
  ['414', [['254'], ['7040']]],
  ['417', [['7040']]],
  ['8010', [['8011']]],
  ['8018', [['8019']]],
  ...['00', '253', '255', '401', '402', '8003', '8004', '8013', '8017'].map((key) => [key, []] as const),
]);

/** Short names the standard allows in place of numeric AIs in the path. */
const ALIASES = new Map(
  Object.entries({
    gtin: '01', itip: '8006', cpv: '22', lot: '10', ser: '21', upui: '235', sscc: '00', gln: '414',
    glnx: '254', party: '417', gdti: '253', gcn: '255', ginc: '401', gsin: '402', grai: '8003',
    giai: '8004', cpid: '8010', cpsn: '8011', gmn: '8013', gsrnp: '8017', gsrn: '8018', srin: '8019',
  }),
);

const URI = /^https?:\/\/([^/?#\s]+)([^?#\s]*)(?:\?([^#\s]*))?(?:#\S*)?$/i;

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function aiOfSegment(segment: string): string {
  return ALIASES.get(segment.toLowerCase()) ?? segment;
}

/** GTINs in a link are 14 digits, but shorter GTIN-8/12/13 are common in the wild: pad them. */
function keyValue(ai: string, value: string): string {
  return ai === '01' && /^(\d{8}|\d{12,13})$/.test(value) ? value.padStart(14, '0') : value;
}

function qualifierProblem(key: string, qualifiers: string[]): Failure | undefined {
  if (qualifiers.length === 0) return undefined;
  const orders = KEY_QUALIFIERS.get(key) ?? [];
  const fits = (order: readonly string[]): boolean =>
    qualifiers.every((q, i) => i === 0 || order.indexOf(q) > order.indexOf(qualifiers[i - 1] ?? ''));
  const stranger = qualifiers.find((q) => !orders.some((order) => order.includes(q)));
  if (stranger !== undefined) {
    return failure('bad-uri', `(${stranger}) cannot qualify the key (${key}) in a GS1 Digital Link path; it belongs in the query string.`);
  }
  if (orders.some((order) => qualifiers.every((q) => order.includes(q)) && fits(order))) return undefined;
  const wanted = orders.map((order) => order.join(', ')).join(' or ');
  return failure('bad-uri', `Qualifiers of (${key}) must come in the order ${wanted}, but this link has ${qualifiers.join(', ')}.`);
}

function element(ai: string, value: string): Outcome<Gs1Element> {
  const spec = lookupAi(ai);
  if (!spec) return failure('unknown-ai', `(${ai}) in the GS1 Digital Link is not a GS1 application identifier.`);
  const problem = validateElement(spec, value);
  return problem ?? success({ ai, value, title: spec.title });
}

function pathElements(segments: string[]): Outcome<Gs1Element[]> {
  const keyIndex = segments.findIndex((s, i) => i + 1 < segments.length && KEY_QUALIFIERS.has(aiOfSegment(s)));
  if (keyIndex < 0) {
    return failure('unsupported', 'This web address is not a GS1 Digital Link: its path has no GS1 primary key such as /01/<GTIN>.');
  }
  const pairs = segments.slice(keyIndex);
  if (pairs.length % 2 !== 0) return failure('bad-uri', `The GS1 Digital Link path ends with ${quote(pairs.at(-1) ?? '')} without a value.`);
  const key = aiOfSegment(pairs[0] ?? '');
  const qualifiers: string[] = [];
  const elements: Gs1Element[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const ai = aiOfSegment(pairs[i] ?? '');
    if (i > 0) qualifiers.push(ai);
    const made = element(ai, keyValue(ai, pairs[i + 1] ?? ''));
    if (!made.ok) return made;
    elements.push(made.value);
  }
  const problem = qualifierProblem(key, qualifiers);
  return problem ?? success(elements);
}

function queryElements(query: string): Outcome<Gs1Element[]> {
  const elements: Gs1Element[] = [];
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    if (!/^\d{2,4}$/.test(name)) continue; // linkType, context, lang and other non-AI parameters
    const value = decode(eq < 0 ? '' : pair.slice(eq + 1));
    if (value === undefined) return failure('bad-uri', `The value of (${name}) in the GS1 Digital Link is not valid percent-encoding.`);
    const made = element(name, value);
    if (!made.ok) return made;
    elements.push(made.value);
  }
  return success(elements);
}

export function isWebUri(data: string): boolean {
  return /^https?:\/\//i.test(data);
}

export function parseDigitalLink(uri: string): Outcome<Gs1Element[]> {
  const match = URI.exec(uri);
  if (!match) return failure('bad-uri', `${quote(uri)} is not a well-formed http(s) address.`);
  const segments: string[] = [];
  for (const raw of (match[2] ?? '').split('/').filter((s) => s !== '')) {
    const segment = decode(raw);
    if (segment === undefined) return failure('bad-uri', `The path segment ${quote(raw)} is not valid percent-encoding.`);
    segments.push(segment);
  }
  const path = pathElements(segments);
  if (!path.ok) return path;
  const query = queryElements(match[3] ?? '');
  if (!query.ok) return query;
  const elements = [...path.value, ...query.value];
  const seen = new Set<string>();
  for (const { ai } of elements) {
    if (seen.has(ai)) return failure('bad-uri', `(${ai}) appears twice in the GS1 Digital Link.`);
    seen.add(ai);
  }
  return success(elements);
}
