// Returns and the end of day in Chromium: a sale paid by card at lane 1 is found at the station by its receipt's code, one
// unit comes back to the card, another in cash after the terminal refused; a manager's X and Z reports show the sale and the refunds.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from '../helpers/browser.js';
import { COLA, MILK } from '../helpers/catalog.js';
import { nextSnapshot, startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';
import { text } from '../helpers/pages.js';
import { createStaff, type TestStaff } from '../helpers/staff.js';

const SHOTS = new URL('../../test-results/screenshots/', import.meta.url);
/** The station scrolls inside its main column, so a long report is shot on a tall screen. */
const shot = async (page: Page, name: string, height = 1000) => {
  await page.setViewportSize({ width: 1600, height });
  await page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname });
  await page.setViewportSize({ width: 1280, height: 800 });
};

let t: TestHub;
let browser: Browser;
let kiosk: Client;
let ole: TestStaff;
let mette: TestStaff;
let station: Page;
/** The receipt's transaction code: what its Code 128 carries. */
let code: string;
let total: number;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  t = await startTestHub({ terminal: true, printer: true, config: { checkout: { thankYouSeconds: 0.3, statusRetryMs: 50 } } });
  kiosk = await t.client(TOKENS.kiosk1);
  ole = await createStaff(t, 'supervisor', 'Ole');
  mette = await createStaff(t, 'manager', 'Mette');
  browser = await launchBrowser();
  station = await browser.context.newPage();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') console.log(await text(station.locator('body')));
});
afterAll(async () => {
  kiosk?.disconnect();
  await browser?.close();
  await t?.close();
});

const ok = <T>(ack: { ok: boolean; data?: T; error?: unknown }): T => {
  if (!ack.ok) throw new Error(`refused: ${JSON.stringify(ack.error)}`);
  return ack.data as T;
};

async function signIn(who: TestStaff): Promise<void> {
  await expect.poll(() => station.getByTestId('signin').isVisible()).toBe(true);
  await station.getByTestId('signin-identity').fill(who.number);
  await station.getByTestId('signin-pin').fill(who.pin);
  await station.getByTestId('signin-submit').click();
  await expect.poll(() => text(station.getByTestId('station-staff'))).toContain(who === ole ? 'Ole' : 'Mette');
}

/** A row of the report's figures: its count and amount as the page carries them. */
const figure = async (key: string) => {
  const row = station.getByTestId('day-report').getByTestId(`report-${key}`);
  return { count: Number(await row.getAttribute('data-count')), amount: Number(await row.getAttribute('data-amount')) };
};

describe('a return at the attendant station', () => {
  it('sells two milks and a cola at lane 1, paid by card at its terminal', async () => {
    for (const c of [MILK, MILK, COLA]) ok(await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code: c }));
    const paid = nextSnapshot(kiosk, (s) => s.status === 'finished', 10_000);
    ok(await kiosk.emitWithAck('lane:pay', { key: randomUUID() }));
    const s = await paid;
    code = s.receipt!.saleId;
    total = s.payment!.amount;
    expect(total).toBe(2 * 1295 + 2000);
  });

  it('finds the sale by its code as the wedge scanner types it, and refunds one milk to the card', async () => {
    await station.goto(`${t.url}/display/?mode=staff&token=${TOKENS.station}&lang=en`);
    await signIn(ole);
    await station.getByTestId('nav-returns').click();
    // The code field has focus: the scanner's keys and its Enter land there.
    await expect.poll(() => station.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('returns-code');
    await station.keyboard.type('no-such-receipt-1');
    await station.keyboard.press('Enter');
    await expect.poll(() => text(station.getByTestId('returns-find-error'))).toMatch(/no paid sale has the code no-such-receipt-1/i);
    await station.keyboard.press('Control+A');
    await station.keyboard.type(code);
    await station.keyboard.press('Enter');

    const sale = station.getByTestId('returns-sale');
    await expect.poll(() => sale.getAttribute('data-sale-id')).toBe(code);
    await expect.poll(() => text(station.getByTestId('returns-sale-payment'))).toMatch(/\d{4}/);
    const milk = station.locator('[data-testid="returns-line"]', { hasText: 'milk' });
    await expect.poll(() => milk.count()).toBeGreaterThan(0);
    expect(await text(station.getByTestId('returns-earlier'))).toMatch(/none yet/i);
    await shot(station, 'returns-sale-found');

    // One milk: a stepper on a line of two, a tick on a line of one.
    const first = milk.first();
    if ((await first.getByTestId('returns-more').count()) > 0) await first.getByTestId('returns-more').click();
    else await first.locator('input[type="checkbox"]').check();
    await expect.poll(async () => Number(await station.getByTestId('returns-quote-amount').getAttribute('data-amount').catch(() => 0))).toBe(1295);
    expect(await station.getByTestId('returns-method-card').locator('input').isChecked()).toBe(true);
    await shot(station, 'returns-quote');

    await station.getByTestId('returns-refund-go').click();
    await expect.poll(() => station.getByTestId('returns-confirm').isVisible()).toBe(true);
    await shot(station, 'returns-confirm');
    await station.getByTestId('returns-confirm-yes').click();

    const result = station.getByTestId('returns-result');
    await expect.poll(() => result.getAttribute('data-state'), { timeout: 15_000 }).toBe('completed');
    expect(await text(result)).toMatch(/Refunded DKK\s12\.95 to the card\. Refund no\. \d+\..*slip was printed/is);
    await expect.poll(() => station.getByTestId('returns-earlier-row').count()).toBe(1);
    expect(await station.getByTestId('returns-earlier-row').getAttribute('data-state')).toBe('completed');
    await shot(station, 'returns-refunded');
  });

  it('says why the terminal refused a refund, and the same return then goes back in cash', async () => {
    t.terminal!.scriptReversal('busy');
    const cola = station.locator('[data-testid="returns-line"]', { hasText: 'Cola' });
    await cola.locator('input[type="checkbox"]').check();
    await expect.poll(async () => Number(await station.getByTestId('returns-quote-amount').getAttribute('data-amount').catch(() => 0))).toBe(2000);
    await station.getByTestId('returns-refund-go').click();
    await station.getByTestId('returns-confirm-yes').click();
    const result = station.getByTestId('returns-result');
    await expect.poll(() => result.getAttribute('data-state'), { timeout: 15_000 }).toBe('failed');
    expect(await text(result)).toMatch(/terminal refused the refund[\s\S]*The terminal says: .+[\s\S]*Try again, or choose cash/i);
    await shot(station, 'returns-refused');

    // The picks stay: choose cash and refund again.
    await station.getByTestId('returns-method-cash').locator('input').check();
    await expect.poll(() => text(station.getByTestId('returns-refund-go'))).toMatch(/Refund DKK\s20\.00 in cash/);
    await station.getByTestId('returns-refund-go').click();
    await station.getByTestId('returns-confirm-yes').click();
    await expect.poll(() => result.getAttribute('data-state')).toBe('completed');
    expect(await text(result)).toMatch(/Refunded DKK\s20\.00 in cash/);
    await expect.poll(() => station.locator('[data-testid="returns-earlier-row"][data-state="completed"]').count()).toBe(2);
    expect(await station.getByTestId('returns-nothing-left').count()).toBe(0); // one milk is still returnable
  });

  it('shows a supervisor the End of day tab with X reports only', async () => {
    await station.getByTestId('nav-manager').click();
    await expect.poll(() => station.getByTestId('reports').isVisible()).toBe(true);
    expect(await station.locator('[data-testid^="manager-tab-"]').count()).toBe(1);
    expect(await station.getByTestId('reports-z').count()).toBe(0);
    expect(await station.getByTestId('journal').count()).toBe(0);
    await station.getByTestId('sign-out').click();
  });
});

describe('the end of day', () => {
  it('an X report for the store shows the sale and the refund', async () => {
    await signIn(mette);
    await station.getByTestId('nav-manager').click();
    await station.getByTestId('manager-tab-reports').click();
    await station.getByTestId('reports-x').click();
    const report = station.getByTestId('day-report');
    await expect.poll(() => report.getAttribute('data-kind')).toBe('X');
    expect(await figure('sales')).toEqual({ count: 1, amount: total });
    expect(await figure('sales-card')).toEqual({ count: 1, amount: total });
    expect(await figure('refunds')).toEqual({ count: 2, amount: 1295 + 2000 });
    expect(await figure('refunds-card')).toEqual({ count: 1, amount: 1295 });
    expect(await figure('refunds-cash')).toEqual({ count: 1, amount: 2000 });
    expect((await figure('net-card')).amount).toBe(total - 1295);
    expect((await figure('net-cash')).amount).toBe(-2000);
    // An X report does not ask the terminal for its totals: it says so.
    expect(await station.getByTestId('report-terminal').getAttribute('data-verdict')).toBe('unavailable');
    expect(await text(station.getByTestId('report-journal'))).toMatch(/records \d+–\d+/);
    await shot(station, 'reports-x', 2000);
  });

  it('a Z report closes the day for the store once, and is listed', async () => {
    await station.getByTestId('reports-z').click();
    await expect.poll(() => station.getByTestId('reports-z-confirm').isVisible()).toBe(true);
    await station.getByTestId('reports-z-yes').click();
    const report = station.getByTestId('day-report');
    await expect.poll(() => report.getAttribute('data-kind')).toBe('Z');
    expect(await figure('sales')).toEqual({ count: 1, amount: total });
    expect(await figure('refunds')).toEqual({ count: 2, amount: 1295 + 2000 });
    // The Z report asks the terminal: it took the payment and gave back the card refund as we did.
    expect(await station.getByTestId('report-terminal').getAttribute('data-verdict')).toBe('agree');
    await expect.poll(() => station.getByTestId('z-row').count()).toBe(1);
    const number = await report.getAttribute('data-number');
    expect(await station.getByTestId('z-row').getAttribute('data-number')).toBe(number);
    await shot(station, 'reports-z', 2000);

    // A second Z for the store today is refused, and the one already taken is pointed at.
    await station.getByTestId('reports-z').click();
    await station.getByTestId('reports-z-yes').click();
    await expect.poll(() => text(station.getByTestId('reports-message'))).toMatch(new RegExp(`already taken today for the whole store: no\\. ${number}`));
    expect(await station.getByTestId('z-row').getAttribute('aria-current')).toBe('true');
  });

  it('verifies the electronic journal and exports it as CSV', async () => {
    await station.getByTestId('journal-verify').click();
    const verdict = station.getByTestId('journal-verification');
    await expect.poll(() => verdict.getAttribute('data-ok')).toBe('true');
    expect(await text(verdict)).toMatch(/intact: \d+ records/);
    const [download] = await Promise.all([station.waitForEvent('download'), station.getByTestId('journal-csv').click()]);
    const { readFile } = await import('node:fs/promises');
    expect(download.suggestedFilename()).toMatch(/^journal-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(await readFile(await download.path(), 'utf8')).toContain(code);
    await shot(station, 'reports-journal', 2400);

    // Danish first: the same tab in the store's language.
    await station.getByTestId('language-toggle').click();
    await expect.poll(() => text(station.getByTestId('reports'))).toMatch(/Dagsafslutning[\s\S]*Z-rapport nr\. \d+ · Hele butikken[\s\S]*Kontrollér journalen/);
    await shot(station, 'reports-da', 2400);
  });
});
