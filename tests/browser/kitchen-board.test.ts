// The kitchen display and the order-status board in Chromium: an order paid at the kiosk shows on the kitchen, routed by station;
// a tap bumps an item, the bump bar bumps the order and recalls it; the board moves the number to Ready with a chime; sold out reaches the kiosks.
import type { DiningOption, MenuAvailability, OrderSelection } from '@selfserve/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '../helpers/browser.js';
import { TOKENS, type Client, type TestHub } from '../helpers/hub.js';
import { COLA, MEAL, ok, placeOrder } from '../helpers/orders.js';
import { text } from '../helpers/pages.js';
import { printPagesOnFailure, shot, startRestaurant } from '../helpers/restaurant-pages.js';

let t: TestHub;
let browser: Browser;
let kiosk: Client;
let kitchen: Page;
let board: Page;

beforeAll(async () => {
  ({ t, kiosk, browser } = await startRestaurant());
  kitchen = await browser.context.newPage();
  board = await browser.context.newPage();
});
printPagesOnFailure(() => [kitchen, board]);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** A guest orders at the kiosk and pays at its terminal; resolves with the order's number once the kiosk is back at its start. */
const order = (items: Array<[OrderSelection, number]>, dining: DiningOption = 'eat-in') => placeOrder(kiosk, items, { dining });

const ticket = (page: Page, number: number) => page.locator(`[data-testid="kitchen-ticket"][data-number="${number}"]`);
const boardNumber = (column: 'preparing' | 'ready', number: number) => board.getByTestId(`board-${column}`).locator(`[data-testid="board-number"][data-number="${number}"]`);

describe('the kitchen display and the order-status board', () => {
  let first: number;

  it('shows an order paid at the kiosk as a ticket with its items, choices and note, and on the board as preparing', async () => {
    await kitchen.goto(`${t.url}/display/?mode=kitchen&token=${TOKENS.kitchen}`);
    await board.goto(`${t.url}/display/?mode=board&token=${TOKENS.board}`);
    // Chromium slows a page in the background to a frame now and then: the kitchen, where the clicks are, is in front.
    await kitchen.bringToFront();
    await expect.poll(() => kitchen.getByTestId('kitchen-empty').isVisible()).toBe(true);
    await expect.poll(() => text(board.getByTestId('board-preparing'))).toMatch(/Tilberedes/);

    first = await order([[MEAL, 1], [COLA, 2]]);
    const tk = ticket(kitchen, first);
    await expect.poll(() => tk.getByTestId('kitchen-item').count()).toBe(4);
    expect(await text(tk)).toMatch(/Spis her/);
    expect(await tk.getByTestId('kitchen-modifier').allInnerTexts()).toEqual(expect.arrayContaining(['Medium (rosa)', 'Bacon']));
    expect(await text(tk.getByTestId('kitchen-note').first())).toMatch(/ingen salt på løgringene/);
    await expect.poll(() => boardNumber('preparing', first).count()).toBe(1);
    // Nothing is read out for what was there before; a new order is.
    await expect.poll(() => text(kitchen.getByTestId('kitchen-announcement'))).toMatch(new RegExp(`Ny ordre ${first}`));

    const second = await order([[{ kind: 'item', itemId: 'cheeseburger', modifiers: { stegning: ['gennemstegt'], fjern: ['uden-loeg'] } }, 2]], 'take-away');
    await expect.poll(() => ticket(kitchen, second).count()).toBe(1);
    expect(await text(ticket(kitchen, second))).toMatch(/Tag med/);
    await shot(kitchen, 'kitchen-display');
    await shot(kitchen, 'kitchen-display-1280x800', { width: 1280, height: 800 });
  });

  it('routes by station: the grill sees only its items, and its bump leaves the fryer and the drinks alone', async () => {
    const grill = await browser.context.newPage();
    await grill.goto(`${t.url}/display/?mode=kitchen&station=grill`);
    const tk = ticket(grill, first);
    await expect.poll(() => tk.getByTestId('kitchen-item').count()).toBe(1);
    expect(await tk.getByTestId('kitchen-item').getAttribute('data-station')).toBe('grill');
    expect(await text(grill.getByTestId('kitchen-station'))).toBe('Grill');
    await tk.getByTestId('kitchen-bump').click();
    await expect.poll(() => tk.count()).toBe(0);
    // On the all-stations screen the order stays, the burger struck through.
    await expect.poll(() => ticket(kitchen, first).locator('[data-bumped="true"]').count()).toBe(1);
    expect(await boardNumber('preparing', first).count()).toBe(1);
    await grill.close();
    await kitchen.bringToFront();
  });

  it('bumps an item with a tap, and the order with the bump bar; the board moves the number to Ready with a chime', async () => {
    const tk = ticket(kitchen, first);
    const open = tk.locator('[data-testid="kitchen-item"][data-bumped="false"]');
    await open.first().click();
    await expect.poll(() => open.count()).toBe(2);

    await kitchen.keyboard.press('1');
    await expect.poll(() => tk.getAttribute('data-selected')).toBe('true');
    await kitchen.keyboard.press('Enter');
    await expect.poll(() => tk.count()).toBe(0);
    await expect.poll(() => boardNumber('ready', first).count()).toBe(1);
    expect(await boardNumber('preparing', first).count()).toBe(0);
    expect(await boardNumber('ready', first).getAttribute('data-fresh')).toBe('true');
    await expect.poll(async () => Number(await board.getByTestId('board').getAttribute('data-chimes'))).toBeGreaterThanOrEqual(1);
    await expect.poll(() => text(board.getByTestId('board-announcement'))).toMatch(new RegExp(`Ordre ${first} er klar. Order ${first} is ready`));
    await shot(board, 'order-board');
    await shot(board, 'order-board-1280x800', { width: 1280, height: 800 });
  });

  it('recalls the last bumped order with R, and bumps it again with B', async () => {
    await expect.poll(() => kitchen.getByTestId('kitchen-recall').isEnabled()).toBe(true);
    await kitchen.keyboard.press('r');
    await expect.poll(() => ticket(kitchen, first).count()).toBe(1);
    await expect.poll(() => boardNumber('preparing', first).count()).toBe(1);
    await kitchen.keyboard.press('ArrowLeft'); // the recalled order is the oldest: first in line
    await expect.poll(() => ticket(kitchen, first).getAttribute('data-selected')).toBe('true');
    await kitchen.keyboard.press('b');
    await expect.poll(() => boardNumber('ready', first).count()).toBe(1);
  });

  it('marks an item sold out from the panel, and every ordering kiosk hears it at once', async () => {
    ok(await kiosk.emitWithAck('menu:get', {}));
    const heard = new Promise<MenuAvailability>((resolve) => kiosk.once('menu:availability', resolve));
    await kitchen.getByTestId('kitchen-soldout-open').click();
    const panel = kitchen.getByTestId('soldout-panel');
    await panel.getByTestId('soldout-search').fill('cola');
    const cola = panel.locator('[data-testid="soldout-toggle"][data-key="item:coca-cola"]');
    await expect.poll(() => cola.count()).toBe(1);
    await cola.click();
    expect((await heard).soldOut).toContain('item:coca-cola');
    await expect.poll(() => cola.getAttribute('aria-pressed')).toBe('true');
    await shot(kitchen, 'kitchen-sold-out');
    await cola.click();
    await expect.poll(() => cola.getAttribute('aria-pressed')).toBe('false');
    await kitchen.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
  });

  it('takes a number off the board once the guest collected it', async () => {
    const hand = await t.client(TOKENS.kitchen);
    const ready = ok(await hand.emitWithAck('orders:watch', {})).orders.find((o) => o.number === first)!;
    ok(await hand.emitWithAck('order:handOver', { orderId: ready.id }));
    await expect.poll(() => boardNumber('ready', first).count()).toBe(0);
  });
});
