// A return at a lane's staff menu in Chromium: a card sale at lane 1 is found at lane 2's kiosk by its receipt, scanned as the
// lane's wedge scanner types it (into the return, not the basket); one milk goes back to the card, a cola the terminal refused goes back in cash.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from '../helpers/browser.js';
import { COLA, MILK } from '../helpers/catalog.js';
import { nextSnapshot, startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';
import { pagesPerTest, text } from '../helpers/pages.js';
import { createStaff, type TestStaff } from '../helpers/staff.js';

const SHOTS = new URL('../../test-results/screenshots/', import.meta.url);
const shot = (page: Page, name: string) => page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname });

let t: TestHub;
let browser: Browser;
let lane1: Client;
let ole: TestStaff;
let anna: TestStaff;
/** The receipt's transaction code (what its Code 128 carries) and its number. */
let code: string;
let number: number;
const newPage = pagesPerTest(() => browser);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  t = await startTestHub({ terminal: true, printer: true, config: { checkout: { thankYouSeconds: 0.3, statusRetryMs: 50 } } });
  lane1 = await t.client(TOKENS.kiosk1);
  ole = await createStaff(t, 'supervisor', 'Ole');
  anna = await createStaff(t, 'attendant', 'Anna');
  browser = await launchBrowser();
});
afterAll(async () => {
  lane1?.disconnect();
  await browser?.close();
  await t?.close();
});

const ok = <T>(ack: { ok: boolean; data?: T; error?: unknown }): T => {
  if (!ack.ok) throw new Error(`refused: ${JSON.stringify(ack.error)}`);
  return ack.data as T;
};

/** Lane 2's kiosk, connected: another lane than the one the sale was paid at. */
async function openLane2(): Promise<Page> {
  const page = await newPage();
  await page.goto(`${t.url}/kiosk/?token=${TOKENS.kiosk2}`);
  await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-status')).toBe('connected');
  return page;
}

async function typeOnKeypad(within: Locator, digits: string) {
  for (const d of digits) await within.getByTestId(`key-${d}`).click();
}

/** The discreet Staff button, the staff number and the PIN on the keypad. */
async function signIn(page: Page, who: TestStaff): Promise<Locator> {
  await page.getByTestId('staff-button').click();
  const dialog = page.getByTestId('staff-signin');
  await typeOnKeypad(dialog, who.number);
  await dialog.getByTestId('staff-signin-submit').click();
  await typeOnKeypad(dialog, who.pin);
  await dialog.getByTestId('staff-signin-submit').click();
  const menu = page.getByTestId('staff-menu');
  await expect.poll(() => text(menu.getByTestId('staff-who'))).toContain(who === ole ? 'Ole' : 'Anna');
  return menu;
}

const quoted = (page: Page) => async () => Number(await page.getByTestId('return-quote-amount').getAttribute('data-amount', { timeout: 500 }).catch(() => -1));

describe('a return at a lane\'s staff menu', () => {
  it('sells two milks and a cola at lane 1, paid by card at its terminal', async () => {
    for (const c of [MILK, MILK, COLA]) ok(await lane1.emitWithAck('lane:scan', { key: randomUUID(), code: c }));
    const paid = nextSnapshot(lane1, (s) => s.status === 'finished', 10_000);
    ok(await lane1.emitWithAck('lane:pay', { key: randomUUID() }));
    const s = await paid;
    code = s.receipt!.saleId;
    number = s.receipt!.number;
    expect(s.payment!.amount).toBe(2 * 1295 + 2000);
  });

  it('an attendant\'s staff menu offers no return: refunds need a supervisor', async () => {
    const page = await openLane2();
    const menu = await signIn(page, anna);
    expect(await menu.getByTestId('staff-return').count()).toBe(0);
    await menu.getByTestId('staff-sign-out').click();
  });

  it('a supervisor scans the receipt at lane 2, returns one milk to the card and sees it completed', async () => {
    const page = await openLane2();
    const menu = await signIn(page, ole);
    await shot(page, 'kiosk-staff-menu-return');
    await menu.getByTestId('staff-return').click();
    const flow = menu.getByTestId('return-view');
    // Opening the return puts focus in the receipt field, where a scanner types.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('return-code');

    // A receipt number typed on the keypad that no sale has is answered in words.
    await typeOnKeypad(flow, '999999');
    await flow.getByTestId('return-find').click();
    await expect.poll(() => text(flow.getByTestId('return-find-error'))).toMatch(/Intet betalt køb har koden 999999/);
    await shot(page, 'kiosk-return-not-found');

    // The receipt's code as the lane's wedge scanner sends it: a quick burst of keys and Enter.
    await page.keyboard.type(`${code}\n`, { delay: 2 });
    const sale = flow.getByTestId('return-sale');
    await expect.poll(() => sale.getAttribute('data-sale-id').catch(() => null)).toBe(code);
    expect(await text(sale)).toMatch(new RegExp(`Køb nr\\. ${number}[\\s\\S]*lane-1[\\s\\S]*\\d{4}`));
    // The scan went to the return only: lane 2's basket never saw it.
    expect(await page.getByTestId('scan-error').count()).toBe(0);
    expect(await page.getByTestId('kiosk-screen').getAttribute('data-screen')).toBe('attract');

    const milk = flow.locator('[data-testid="return-line"]', { hasText: 'Letmælk' });
    expect(await milk.getAttribute('data-returnable')).toBe('2');
    expect(await text(milk)).toMatch(/Købt 2 · returneret 0 · betalt 25,90\s*kr\./);
    await milk.getByTestId('return-more').click();
    expect(await text(milk.getByTestId('return-count'))).toBe('1');
    await expect.poll(quoted(page)).toBe(1295);
    expect(await flow.getByTestId('return-method-card').locator('input').isChecked()).toBe(true);
    await shot(page, 'kiosk-return-quote');

    await flow.getByTestId('return-refund-go').click();
    const confirm = page.getByTestId('return-confirm');
    await expect.poll(() => text(confirm)).toMatch(/12,95\s*kr\. betales tilbage til kortet/);
    await shot(page, 'kiosk-return-confirm');
    await confirm.getByTestId('return-confirm-yes').click();

    const result = flow.getByTestId('return-result');
    await expect.poll(() => result.getAttribute('data-state').catch(() => null), { timeout: 15_000 }).toBe('completed');
    expect(await text(result)).toMatch(/Betalt tilbage: 12,95\s*kr\. til kortet\. Refusion nr\. \d+\.[\s\S]*Refusionsbonen er udskrevet/);
    expect(t.terminal!.reversals).toMatchObject([{ amount: 12.95 }]);
    // The hub's figures again: one milk is left to return.
    await expect.poll(() => milk.getAttribute('data-returnable')).toBe('1');
    await shot(page, 'kiosk-return-completed');
  });

  it('in English: a refund the terminal refuses says its reason, and the same return then goes back in cash', async () => {
    t.terminal!.scriptReversal('busy');
    const page = await openLane2();
    await page.getByTestId('language-toggle').click();
    const menu = await signIn(page, ole);
    await menu.getByTestId('staff-return').click();
    const flow = menu.getByTestId('return-view');
    // The receipt's number, typed on the keypad.
    await typeOnKeypad(flow, String(number));
    await flow.getByTestId('return-find').click();
    await expect.poll(() => flow.getByTestId('return-sale').getAttribute('data-sale-id').catch(() => null)).toBe(code);
    expect(await text(flow.getByTestId('return-sale'))).toMatch(new RegExp(`Sale no\\. ${number}`));

    // A cola bought alone is returned whole: a toggle, not a stepper.
    const cola = flow.locator('[data-testid="return-line"]', { hasText: 'Cola' });
    const whole = cola.getByRole('button', { name: 'Return the whole item: Cola 1.5 l' });
    await whole.click();
    expect(await whole.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(quoted(page)).toBe(2000);
    await flow.getByTestId('return-refund-go').click();
    await page.getByTestId('return-confirm-yes').click();
    const result = flow.getByTestId('return-result');
    await expect.poll(() => result.getAttribute('data-state').catch(() => null), { timeout: 15_000 }).toBe('failed');
    expect(await text(result)).toMatch(/The terminal refused the refund\.[\s\S]*The terminal says: .+[\s\S]*Try again, or choose cash/);
    await shot(page, 'kiosk-return-refused-en');

    // The pick stays: cash, and again.
    await flow.getByTestId('return-method-cash').click();
    await expect.poll(() => text(flow.getByTestId('return-refund-go'))).toMatch(/Refund DKK\s20\.00 in cash/);
    await flow.getByTestId('return-refund-go').click();
    await page.getByTestId('return-confirm-yes').click();
    await expect.poll(() => result.getAttribute('data-state').catch(() => null)).toBe('completed');
    expect(await text(result)).toMatch(/Refunded DKK\s20\.00 in cash\. Refund no\. \d+\.[\s\S]*The refund slip was printed/);
    await expect.poll(() => cola.getAttribute('data-returnable')).toBe('0');
    await shot(page, 'kiosk-return-cash-en');

    // Back to the menu, whose Return button has focus again; signing out leaves nothing of the return behind.
    await flow.getByTestId('return-back').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('staff-return');
    await menu.getByTestId('staff-sign-out').click();
    await expect.poll(() => menu.count()).toBe(0);
  });
});
