// The ordering kiosk in Chromium: a guest orders a burger with choices and a note, makes it a meal, pays at the kiosk's
// terminal and gets the order number; pays at the counter instead; a line that sold out is named and must change; an idle order is cancelled.
import { mkdirSync } from 'node:fs';
import type { LaneSnapshot } from '@selfserve/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from '../helpers/browser.js';
import { startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';
import { ok } from '../helpers/orders.js';
import { pagesPerTest, text } from '../helpers/pages.js';

const SHOTS = new URL('../../test-results/screenshots/', import.meta.url);
const shot = (page: Page, name: string) => page.screenshot({ path: new URL(`kiosk-order-${name}.png`, SHOTS).pathname });

let t: TestHub;
let browser: Browser;
/** The order lane's customer display: reads the lane as the hub has it. */
let reader: Client;
const newPage = pagesPerTest(() => browser);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  t = await startTestHub({ restaurant: true, terminal: true, printer: true, config: { checkout: { thankYouSeconds: 3 } } });
  browser = await launchBrowser();
  reader = await t.client(TOKENS.orderCfd);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function laneSnapshot(): Promise<LaneSnapshot> {
  const ack = await reader.emitWithAck('lane:sync', {});
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.data;
}

async function openKiosk(): Promise<Page> {
  const page = await newPage();
  await page.goto(`${t.url}/kiosk/?token=${TOKENS.orderKiosk}`);
  await expect.poll(() => screenOf(page)).toBe('attract');
  return page;
}
const screenOf = (page: Page) => page.getByTestId('kiosk-screen').getAttribute('data-screen', { timeout: 2000 }).catch(() => null);
const price = (page: Page) => text(page.getByTestId('running-price'));
const byId = (page: Page, testid: string, id: string) => page.locator(`[data-testid="${testid}"][data-id="${id}"]`);

/** Start, take away, the burger category: where most tests begin. */
async function toBurgers(page: Page): Promise<void> {
  await page.getByTestId('start').click();
  await page.getByTestId('dining-take-away').click();
  await expect.poll(() => screenOf(page)).toBe('ordering');
  await page.getByTestId('category-burgere').click();
}

describe('a guest orders at the ordering kiosk', () => {
  it('attract → take away → a burger with choices and a note → make it a meal → basket → pay at the kiosk → the order number', async () => {
    const kiosk = await openKiosk();
    // A guest who asked for less motion: no page fades (and the screenshots show each page settled).
    await kiosk.emulateMedia({ reducedMotion: 'reduce' });
    expect(await text(kiosk.getByTestId('attract'))).toMatch(/Velkommen[\s\S]*Tryk for at bestille/);
    await kiosk.getByTestId('language-en').click();
    await expect.poll(() => text(kiosk.getByTestId('attract'))).toMatch(/Welcome[\s\S]*Tap to order/);
    await shot(kiosk, '1-attract');

    await kiosk.getByTestId('start').click();
    await expect.poll(() => screenOf(kiosk)).toBe('dining');
    await shot(kiosk, '2-dining');
    await kiosk.getByTestId('dining-take-away').click();
    await expect.poll(() => screenOf(kiosk)).toBe('ordering');
    expect((await laneSnapshot()).dining).toBe('take-away');

    // The menu: categories open now, with pictures; breakfast (07:00–10:30) only in the morning.
    await kiosk.getByTestId('category-burgere').click();
    await expect.poll(() => text(kiosk.getByRole('heading', { level: 2 }))).toBe('Burgers');
    await expect.poll(() => byId(kiosk, 'menu-item', 'classic-burger').isVisible()).toBe(true);
    expect(await byId(kiosk, 'menu-item', 'classic-burger').innerText()).toMatch(/Classic burger[\s\S]*79\.00/);
    await expect.poll(() => kiosk.locator('[data-testid="menu-item"] img').first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await shot(kiosk, '3-menu');

    // The item page: the doneness is required; extras add to the running price; a note for the kitchen.
    await byId(kiosk, 'menu-item', 'classic-burger').click();
    await expect.poll(() => kiosk.getByTestId('item-page').isVisible()).toBe(true);
    await expect.poll(() => kiosk.evaluate(() => document.activeElement?.id)).toBe('item-title');
    expect(await text(kiosk.getByTestId('allergen-info'))).toMatch(/Gluten[\s\S]*598 kcal/);
    expect(await price(kiosk)).toMatch(/79\.00/);
    await kiosk.getByTestId('item-add').click();
    await expect.poll(() => text(kiosk.getByTestId('group-stegning'))).toMatch(/Please choose here/);
    expect(await kiosk.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('option-medium');
    await kiosk.getByTestId('option-medium').check();
    await kiosk.getByTestId('option-bacon').check();
    await kiosk.getByTestId('option-uden-loeg').check();
    await expect.poll(() => price(kiosk)).toMatch(/91\.00/);
    await kiosk.getByTestId('item-note').fill('Extra crispy bacon, please');
    await shot(kiosk, '4-item');
    await kiosk.getByTestId('item-add').click();

    // Make it a meal: the burger and its choices become the meal's main; side and drink are chosen in steps.
    await expect.poll(() => kiosk.getByTestId('upsell').getAttribute('data-kind')).toBe('meal');
    expect(await text(kiosk.getByTestId('upsell'))).toMatch(/Make it a meal[\s\S]*Classic meal for DKK\s121\.00[\s\S]*Only DKK\s30\.00 more/);
    expect((await laneSnapshot()).lines.map((l) => l.order?.id)).toEqual(['classic-burger']);
    await shot(kiosk, '5-upsell-meal');
    await kiosk.getByTestId('upsell-meal').click();
    await expect.poll(() => kiosk.getByTestId('combo-page').getAttribute('data-step')).toBe('1');
    await kiosk.getByTestId('choice-loegringe').check();
    await kiosk.getByTestId('size-stor').check();
    await expect.poll(() => price(kiosk)).toMatch(/136\.00/);
    await shot(kiosk, '6-combo-side');
    await kiosk.getByTestId('combo-next').click();
    await kiosk.getByTestId('choice-fanta').check();
    await kiosk.getByTestId('size-05l').check();
    await expect.poll(() => price(kiosk)).toMatch(/144\.00/);
    await kiosk.getByTestId('item-add').click();

    // The burgers' dessert offer comes next; no, thanks.
    await expect.poll(() => kiosk.getByTestId('upsell').getAttribute('data-kind')).toBe('offer');
    expect(await text(kiosk.getByTestId('upsell'))).toMatch(/Something sweet[\s\S]*Brownie/);
    await shot(kiosk, '7-upsell-dessert');
    await kiosk.getByTestId('upsell-no').click();

    // The basket: the meal took the burger's place, with the burger's choices and the note; the hub's price.
    await expect.poll(() => text(kiosk.getByTestId('basket-bar-sum'))).toMatch(/1 item[\s\S]*144\.00/);
    await kiosk.getByTestId('basket-open').click();
    const line = kiosk.getByTestId('basket-line');
    await expect.poll(() => line.count()).toBe(1);
    expect(await line.innerText()).toMatch(/1 × Classic meal[\s\S]*Classic burger, Medium[\s\S]*Bacon[\s\S]*Onion rings, 8 pcs, Large[\s\S]*Fanta[\s\S]*Extra crispy bacon, please[\s\S]*144\.00/);
    const snap = await laneSnapshot();
    expect(snap.lines).toHaveLength(1);
    expect(snap.lines[0]!.order).toMatchObject({ kind: 'combo', id: 'classic-menu', note: 'Extra crispy bacon, please' });
    expect(snap.totals.total).toBe(14_400);

    // Change from the basket: the meal's page opens with its choices; a smaller drink saves into the same line.
    await kiosk.getByTestId('line-edit').click();
    await expect.poll(() => kiosk.getByTestId('combo-page').isVisible()).toBe(true);
    expect(await price(kiosk)).toMatch(/144\.00/);
    await kiosk.getByTestId('step-drik').click();
    expect(await kiosk.getByTestId('choice-fanta').isChecked()).toBe(true);
    await kiosk.getByTestId('size-04l').check();
    await kiosk.getByTestId('item-add').click();
    await expect.poll(() => text(kiosk.getByTestId('order-total'))).toMatch(/136\.00/);
    expect((await laneSnapshot()).lines.map((l) => l.lineId)).toEqual(snap.lines.map((l) => l.lineId));
    await shot(kiosk, '8-basket');

    // Pay at the kiosk's terminal: the amount and the terminal's instructions, then the number, big.
    t.terminal!.script({ slow: 1500 });
    await kiosk.getByTestId('pay-kiosk').click();
    await expect.poll(() => screenOf(kiosk)).toBe('payment');
    expect(await text(kiosk.getByTestId('payment-state'))).toMatch(/136\.00[\s\S]*Follow the instructions on the payment terminal/);
    await shot(kiosk, '9-payment');
    await expect.poll(() => screenOf(kiosk), { timeout: 10_000 }).toBe('done');
    const number = (await laneSnapshot()).order?.number;
    expect(number).toBeGreaterThan(0);
    await expect.poll(() => text(kiosk.getByTestId('order-number'))).toBe(String(number));
    expect(await text(kiosk.getByTestId('order-confirmation'))).toMatch(/Your order number[\s\S]*Take your ticket/);
    await shot(kiosk, '10-confirmation');

    // After the thank-you the kiosk waits for the next guest, in Danish.
    await expect.poll(() => screenOf(kiosk), { timeout: 10_000 }).toBe('attract');
    expect(await text(kiosk.getByTestId('attract'))).toMatch(/Velkommen/);
  });

  it('paying at the counter gives the number to show there', async () => {
    const kiosk = await openKiosk();
    await kiosk.getByTestId('start').click();
    await kiosk.getByTestId('dining-eat-in').click();
    await kiosk.getByTestId('category-drikkevarer').click();
    await byId(kiosk, 'menu-item', 'coca-cola').click();
    await kiosk.getByTestId('quantity-increase').click();
    await expect.poll(() => price(kiosk)).toMatch(/58,00/);
    await kiosk.getByTestId('item-add').click();
    await expect.poll(() => text(kiosk.getByTestId('basket-bar-sum'))).toMatch(/2 varer[\s\S]*58,00/);
    await kiosk.getByTestId('basket-open').click();
    expect(await text(kiosk.getByTestId('basket-dining'))).toMatch(/Spis her/);
    await kiosk.getByTestId('pay-counter').click();
    await expect.poll(() => kiosk.getByTestId('order-confirmation').getAttribute('data-pay-at')).toBe('counter');
    const number = (await laneSnapshot()).order!.number;
    expect(await text(kiosk.getByTestId('order-confirmation'))).toMatch(new RegExp(`Betal ved disken, og vis nummer[\\s\\S]*${number}`));
    await shot(kiosk, '11-counter');
    await expect.poll(() => screenOf(kiosk), { timeout: 10_000 }).toBe('attract');
  });

  it('an item sold out while in the basket is named, stops payment, and can be taken out; the menu hides it at once', async () => {
    const kitchen = await t.client(TOKENS.kitchen);
    const kiosk = await openKiosk();
    await toBurgers(kiosk);
    await byId(kiosk, 'menu-item', 'cheeseburger').click();
    await kiosk.getByTestId('option-gennemstegt').check();
    await kiosk.getByTestId('item-add').click();
    await expect.poll(() => kiosk.getByTestId('upsell').getAttribute('data-kind')).toBe('meal');
    await kiosk.getByTestId('upsell-no').click();
    await expect.poll(() => kiosk.getByTestId('upsell').getAttribute('data-kind')).toBe('offer');
    await kiosk.getByTestId('upsell-no').click();
    await expect.poll(() => kiosk.getByTestId('menu').isVisible()).toBe(true);

    const ack = await kitchen.emitWithAck('menu:setSoldOut', { target: 'item:cheeseburger', soldOut: true });
    expect(ack.ok).toBe(true);
    await expect.poll(() => byId(kiosk, 'menu-item', 'cheeseburger').count()).toBe(0);
    await kiosk.getByTestId('basket-open').click();
    await expect.poll(() => text(kiosk.getByTestId('sold-out-alert'))).toMatch(/udsolgt[\s\S]*Cheeseburger/);
    expect(await kiosk.getByTestId('basket-line').getAttribute('data-orderable')).toBe('false');
    expect(await kiosk.getByTestId('pay-kiosk').isDisabled()).toBe(true);
    expect(await kiosk.getByTestId('line-edit').count()).toBe(0);
    await shot(kiosk, '12-sold-out');

    await kiosk.getByTestId('line-remove').click();
    await expect.poll(() => kiosk.getByTestId('basket-empty').isVisible()).toBe(true);
    expect(await kiosk.getByTestId('sold-out-alert').count()).toBe(0);
    ok(await kitchen.emitWithAck('menu:setSoldOut', { target: 'item:cheeseburger', soldOut: false }));
    await kiosk.getByTestId('start-over').click();
    await kiosk.getByTestId('start-over-confirm').click();
    await expect.poll(() => screenOf(kiosk)).toBe('attract');
    expect((await laneSnapshot()).status).toBe('idle');
  });

  it('an option sold out while the guest chooses is greyed out at once, taken off the choice, and said', async () => {
    const kitchen = await t.client(TOKENS.kitchen);
    const kiosk = await openKiosk();
    await toBurgers(kiosk);
    await byId(kiosk, 'menu-item', 'classic-burger').click();
    await kiosk.getByTestId('option-bacon').check();
    await expect.poll(() => price(kiosk)).toMatch(/91,00/);
    ok(await kitchen.emitWithAck('menu:setSoldOut', { target: 'option:ekstra/bacon', soldOut: true }));
    await expect.poll(() => kiosk.getByTestId('option-bacon').isDisabled()).toBe(true);
    expect(await kiosk.getByTestId('option-bacon').isChecked()).toBe(false);
    expect(await text(kiosk.getByTestId('group-ekstra'))).toMatch(/Bacon\s*Udsolgt/);
    expect(await text(kiosk.getByTestId('sold-out-notice'))).toMatch(/Udsolgt nu: Bacon/);
    expect(await text(kiosk.getByTestId('order-notice'))).toMatch(/Udsolgt nu: Bacon/);
    await expect.poll(() => price(kiosk)).toMatch(/79,00/);
    await shot(kiosk, '14-option-sold-out');
    ok(await kitchen.emitWithAck('menu:setSoldOut', { target: 'option:ekstra/bacon', soldOut: false }));
    await expect.poll(() => kiosk.getByTestId('option-bacon').isDisabled()).toBe(false);
    await kiosk.getByTestId('page-back').click();
    await kiosk.getByTestId('start-over').click();
    await kiosk.getByTestId('start-over-confirm').click();
    await expect.poll(() => screenOf(kiosk)).toBe('attract');
  });

  it('"hide items with milk" hides the cheeseburgers and keeps the classic burger', async () => {
    const kiosk = await openKiosk();
    await toBurgers(kiosk);
    await expect.poll(() => byId(kiosk, 'menu-item', 'cheeseburger').count()).toBe(1);
    await kiosk.getByTestId('allergen-filter').click();
    await kiosk.getByTestId('avoid-milk').check();
    await kiosk.getByTestId('allergen-done').click();
    await expect.poll(() => byId(kiosk, 'menu-item', 'cheeseburger').count()).toBe(0);
    expect(await byId(kiosk, 'menu-item', 'classic-burger').count()).toBe(1);
    expect(await text(kiosk.getByTestId('allergen-filter'))).toMatch(/Skjuler retter med: Mælk/);
    await shot(kiosk, '13-allergen-filter');
    await kiosk.getByTestId('start-over').click();
    await kiosk.getByTestId('start-over-confirm').click();
    await expect.poll(() => screenOf(kiosk)).toBe('attract');
  });
});

describe('an order left alone at the kiosk', () => {
  let idle: TestHub;
  beforeAll(async () => {
    idle = await startTestHub({ restaurant: true, config: { checkout: { thankYouSeconds: 1, idleSeconds: 5, stillThereSeconds: 5 } } });
  });
  afterAll(async () => {
    await idle?.close();
  });

  it('is asked about, then cancelled, and the kiosk goes back to attract', async () => {
    const kiosk = await newPage();
    await kiosk.goto(`${idle.url}/kiosk/?token=${TOKENS.orderKiosk}`);
    await expect.poll(() => screenOf(kiosk)).toBe('attract');
    await kiosk.getByTestId('start').click();
    await kiosk.getByTestId('dining-eat-in').click();
    await kiosk.getByTestId('category-desserter').click();
    await byId(kiosk, 'menu-item', 'brownie').click();
    await kiosk.getByTestId('item-add').click();
    await expect.poll(() => text(kiosk.getByTestId('basket-bar-sum'))).toMatch(/1 vare/);
    const dialog = kiosk.getByTestId('idle-dialog');
    await expect.poll(() => dialog.isVisible(), { timeout: 8000 }).toBe(true);
    expect(await dialog.getAttribute('role')).toBe('alertdialog');
    await expect.poll(() => screenOf(kiosk), { timeout: 8000 }).toBe('attract');
    const reader = await idle.client(TOKENS.orderCfd);
    const ack = await reader.emitWithAck('lane:sync', {});
    expect(ack.ok && ack.data.lines).toEqual([]);
  });
});
