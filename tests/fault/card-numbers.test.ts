/**
 * The hub never sees a card number (issue 7): after a whole visit paid by card at the terminal
 * simulator, every byte the hub wrote (its SQLite file and WAL, its log, the upstream NDJSON) and
 * everything the printer printed holds neither the simulator's test card numbers nor any other
 * Luhn-valid run of 13–19 digits outside the few fields the rule below names.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaneSnapshot } from '@selfserve/shared';
import { CHIPS, COLA, MILK, testCatalog } from '../helpers/catalog.js';
import { nextSnapshot, startTestHub, TOKENS, type TestHub } from '../helpers/hub.js';
import { recordReliability } from '../helpers/reliability.js';

/**
 * The full numbers behind the simulator's masked PANs (hub/src/devices/payment/simulator/responses.ts):
 * `541333 **** 9999` is Adyen's POS test card, `411111 **** 1111` the Visa test card.
 */
const TEST_CARDS = ['5413330089099999', '4111111111111111'];

/** What reaches a kiosk's scan field when a shopper keys in a card or swipes it through a wedge reader. */
const CARD_INPUTS = ['4111 1111 1111 1111', '5413330089099999', '%B5413330089099999^TEST/CARD^28021010000000000?', ';4111111111111111=28021010000000000?'];

const RCN_LABEL = '2135040039753'; // minced beef, 39,75 kr on the label
const SCANNED = [MILK, COLA, COLA, COLA, CHIPS, RCN_LABEL];

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
    sum += n;
  }
  return sum % 10 === 0;
}

/**
 * The rule. A candidate is a run of 13–19 digits that stands alone: contiguous (`\d{13,19}`), or in
 * groups of four with one repeated space or dash as cards are printed (`4111 1111 1111 1111`), with no
 * letter, digit or underscore on either side. A digit run inside a longer word (a hex hash, a base64
 * token) is part of that word, not a number. A Luhn-valid candidate is a card number unless it is:
 * - a GTIN field: one of the catalog's GTINs or a code this visit scanned, as GTIN-13 or GTIN-14 (what
 *   `product_codes`, `visit_lines.code` and the events' `gtin` carry);
 * - a timestamp: 13 digits read as milliseconds since 1970 within the test's own run (pino's `time`).
 * Sale ids (`<store>-000001`), sale numbers, approval codes and the terminal's ids are all shorter
 * than 13 digits or hex words, so the rule needs no exception for them.
 */
function cardNumbersIn(text: string, excused: { gtins: ReadonlySet<string>; from: number; to: number }): string[] {
  const found: string[] = [];
  const candidates = /(?<![A-Za-z0-9_])(?:\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{1,7})(?![A-Za-z0-9_])/g;
  for (const m of text.matchAll(candidates)) {
    const digits = m[0].replace(/[ -]/g, '');
    if (digits.length < 13 || digits.length > 19 || !luhnValid(digits)) continue;
    if (excused.gtins.has(digits)) continue;
    if (digits.length === 13 && Number(digits) >= excused.from && Number(digits) <= excused.to) continue;
    found.push(m[0]);
  }
  for (const card of TEST_CARDS) {
    if (new RegExp(card.split('').join('[ -]?')).test(text)) found.push(`test card ${card}`);
  }
  return found;
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

let t: TestHub;
let paid: LaneSnapshot;
const startedAt = Date.now() - 60_000;

beforeAll(async () => {
  const catalog = testCatalog();
  catalog.members = [{ id: 'm1', cardNumber: 'LOY10000001', name: 'Test Member', phone: '4512345678', marketingConsent: true }];
  t = await startTestHub({
    catalog,
    terminal: true,
    printer: true,
    logFile: true,
    // No checkpoint while the visit runs: every page version the hub wrote stays in the WAL to be read.
    checkpointMs: 3_600_000,
    config: { checkout: { thankYouSeconds: 60, statusRetryMs: 50, printRetryMs: 100 }, upstream: { pseudonymKey: 'k'.repeat(40) } },
  });
  const kiosk = await t.client(TOKENS.kiosk1);
  const cfd = await t.client(TOKENS.cfd1);
  const scan = (code: string, extra: Record<string, unknown> = {}) => kiosk.emitWithAck('lane:scan', { key: randomUUID(), code, ...extra });
  expect(await scan('LOY-10000001')).toMatchObject({ ok: true, data: { added: 'member' } });
  for (const code of SCANNED) expect(await scan(code)).toMatchObject({ ok: true });
  expect(await scan('4011', { weightGrams: 1234 })).toMatchObject({ ok: true });
  expect(await scan('CPN-WELCOME10')).toMatchObject({ ok: true, data: { added: 'coupon' } });
  // A shopper's slips: the card number typed into the scan field or the phone keypad, and a card swiped
  // through a keyboard-wedge card reader, which types its magnetic stripe. Each is refused, and kept nowhere.
  for (const code of CARD_INPUTS) expect(await scan(code)).toMatchObject({ ok: false, error: { code: 'invalid-barcode', detail: { reason: 'card-number' } } });
  expect(await kiosk.emitWithAck('lane:identify', { key: randomUUID(), phone: '4111111111111111' })).toMatchObject({ ok: false, error: { code: 'unknown-item' } });
  // Declined first, then approved: both answers pass through the driver and the payment journal.
  t.terminal!.script('decline');
  const declined = nextSnapshot(cfd, (s) => s.payment?.state === 'declined', 10_000);
  expect(await kiosk.emitWithAck('lane:pay', { key: randomUUID() })).toMatchObject({ ok: true });
  await declined;
  const finished = nextSnapshot(cfd, (s) => s.status === 'finished', 10_000);
  expect(await kiosk.emitWithAck('lane:pay', { key: randomUUID() })).toMatchObject({ ok: true });
  paid = await finished;
  // The receipt is printed and the sale has reached the upstream file before anything is read.
  const upstream = join(t.dir, 'upstream');
  await until(() => t.printer!.receipts.length > 0 && existsSync(upstream) && filesUnder(upstream).some((f) => readFileSync(f, 'utf8').includes('sale.completed.v1')));
}, 60_000);

async function until(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  for (const end = Date.now() + timeoutMs; !done(); await new Promise((r) => setTimeout(r, 25))) {
    if (Date.now() > end) throw new Error('the receipt or the upstream event did not arrive');
  }
}

afterAll(() => t?.close());

describe('no card number is stored, logged, sent upstream or printed', () => {
  it('the rule finds a card number in any of its forms, and passes GTINs and timestamps', () => {
    const excused = { gtins: new Set(['5700000000011', '05700000000011']), from: 1_700_000_000_000, to: 1_900_000_000_000 };
    expect(cardNumbersIn('pan=4111 1111 1111 1111;', excused)).toEqual(['4111 1111 1111 1111', 'test card 4111111111111111']);
    expect(cardNumbersIn('"x":"5413-3300-8909-9999"', excused)).toHaveLength(2);
    expect(cardNumbersIn('{"n":4000056655665556}', excused)).toEqual(['4000056655665556']);
    expect(cardNumbersIn('"gtin":"05700000000011","time":1760000000009,"hash":"ab4000056655665556cd"', excused)).toEqual([]);
  });

  it('finds none in the database, its WAL, the log, the upstream files and the printed receipt', async () => {
    expect(paid.payment).toMatchObject({ state: 'approved', maskedPan: expect.stringMatching(/^\d{6} \*{4} \d{4}$/) });
    const catalogGtins = testCatalog().products.flatMap((p) => p.gtins ?? []);
    const gtins = new Set([...catalogGtins, ...SCANNED].flatMap((g) => [g, g.padStart(14, '0')]));
    // Read while the hub runs: the WAL is still there, unmerged.
    const files = filesUnder(t.dir);
    expect(files.map((f) => f.slice(t.dir.length + 1)).sort()).toEqual(expect.arrayContaining(['hub.sqlite', 'hub.sqlite-wal', 'hub.log', expect.stringMatching(/^upstream\/events-.+\.ndjson$/)]));
    const sources = [
      ...files.map((f) => ({ name: f.slice(t.dir.length + 1), text: readFileSync(f).toString('latin1') })),
      { name: 'printer output', text: t.printer!.receipts.map((r) => [r.text, ...r.barcodes, ...r.qrs].join('\n')).join('\n') },
    ];
    const excused = { gtins, from: startedAt, to: Date.now() + 60_000 };
    const found = sources.flatMap((s) => cardNumbersIn(s.text, excused).map((hit) => `${s.name}: ${hit}`));
    // The scan reads what the hub stored: the masked PAN the terminal gave is in the payment journal.
    const stored = sources.filter((s) => s.name.startsWith('hub.sqlite')).map((s) => s.text).join('');
    expect(stored).toContain(paid.payment!.maskedPan!);
    const bytes = sources.reduce((n, s) => n + s.text.length, 0);
    recordReliability('card-numbers', {
      what: 'a member visit paid by card (declined, then approved) at the terminal simulator, with card numbers typed and swiped into the kiosk by mistake; every byte of the database, WAL, log, upstream NDJSON and printed receipt searched',
      faultsInjected: 0,
      checked: sources.length,
      inputsTried: 0,
      violations: found.length,
      notes: [`${sources.length} sources, ${bytes} bytes: ${sources.map((s) => `${s.name} (${s.text.length} B)`).join(', ')}`, `test cards searched: ${TEST_CARDS.join(', ')}`],
    });
    expect(found).toEqual([]);
  });
});
