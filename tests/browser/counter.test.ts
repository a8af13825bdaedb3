// The station's Counter tab in Chromium: a guest who pays at the counter is found by number and pays cash (and the kitchen
// then has the order), a card declined at the counter's terminal is tried again, ready orders are handed out, an unpaid one cancelled.
import type { OrderSelection } from '@selfserve/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '../helpers/browser.js';
import { TOKENS, type Client, type TestHub } from '../helpers/hub.js';
import { COLA, MEAL, ok, placeOrder } from '../helpers/orders.js';
import { text } from '../helpers/pages.js';
import { printPagesOnFailure, shot, startRestaurant } from '../helpers/restaurant-pages.js';
import { createStaff, type TestStaff } from '../helpers/staff.js';

let t: TestHub;
let browser: Browser;
let kiosk: Client;
let anna: TestStaff;
let station: Page;
let kitchen: Page;

beforeAll(async () => {
  ({ t, kiosk, browser } = await startRestaurant());
  anna = await createStaff(t, 'attendant', 'Anna');
  station = await browser.context.newPage();
  kitchen = await browser.context.newPage();
});
printPagesOnFailure(() => [station]);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** A guest orders at the kiosk and chooses to pay at the counter; resolves with the number on their ticket. */
const orderToPayAtCounter = (items: Array<[OrderSelection, number]>) => placeOrder(kiosk, items, { dining: 'take-away', pay: 'counter' });

const panel = () => station.getByTestId('counter-order');
const awaiting = (number: number) => station.locator(`[data-testid="counter-awaiting-order"][data-number="${number}"]`);

async function findByKeypad(number: number): Promise<void> {
  await station.getByTestId('counter-key-clear').click();
  for (const digit of String(number)) await station.getByTestId(`counter-key-${digit}`).click();
  await station.getByTestId('counter-find-submit').click();
  await expect.poll(() => panel().getAttribute('data-number')).toBe(String(number));
}

describe('the counter', () => {
  let cash: number;

  it('opens on the Counter tab after sign-in, listing the orders waiting for payment', async () => {
    cash = await orderToPayAtCounter([[MEAL, 1], [COLA, 1]]);
    await station.goto(`${t.url}/display/?mode=counter&token=${TOKENS.station}`);
    await station.getByTestId('signin-identity').fill(anna.number);
    await station.getByTestId('signin-pin').fill(anna.pin);
    await station.getByTestId('signin-submit').click();
    await expect.poll(() => station.getByTestId('counter').count()).toBe(1);
    await expect.poll(() => awaiting(cash).count()).toBe(1);
    expect(await station.getByTestId('nav-counter').getAttribute('aria-current')).toBe('page');
    expect(await text(station.getByTestId('counter-lane-name'))).toMatch(/Disken/);
  });

  it('finds an order by the number typed on the pad, shows its lines and total, and records cash; the kitchen then has it', async () => {
    await findByKeypad(cash);
    expect(await panel().getByTestId('counter-line').count()).toBe(2);
    expect(await text(panel().getByTestId('counter-total'))).toMatch(/173,00/);
    expect(await text(panel())).toMatch(/ingen salt på løgringene/);
    await shot(station, 'counter');
    await shot(station, 'counter-1280x800', { width: 1280, height: 800 });

    await panel().getByTestId('counter-pay-cash').click();
    await expect.poll(() => panel().getAttribute('data-status')).toBe('preparing');
    expect(await text(panel().getByTestId('counter-paid'))).toMatch(/kontant/i);
    await expect.poll(() => awaiting(cash).count()).toBe(0);

    await kitchen.goto(`${t.url}/display/?mode=kitchen&token=${TOKENS.kitchen}`);
    await expect.poll(() => kitchen.locator(`[data-testid="kitchen-ticket"][data-number="${cash}"]`).count()).toBe(1);
    // Chromium slows a page in the background to a frame now and then: the station is in front again.
    await station.bringToFront();
  });

  it('says in words when no open order has the number', async () => {
    await station.getByTestId('counter-find-number').fill('999');
    await station.getByTestId('counter-find-submit').click();
    await expect.poll(() => text(station.getByTestId('counter-find-error'))).toMatch(/Ingen åben ordre har nummer 999/);
  });

  it('takes a card at the counter terminal: a declined card is shown, tried again, and approved', async () => {
    const card = await orderToPayAtCounter([[COLA, 2]]);
    await expect.poll(() => awaiting(card).count()).toBe(1);
    await awaiting(card).click();
    await expect.poll(() => panel().getAttribute('data-number')).toBe(String(card));
    t.terminal!.script('decline');
    await panel().getByTestId('counter-pay-card').click();
    await expect.poll(() => panel().getByTestId('counter-card-state').getAttribute('data-state')).toBe('declined');
    await shot(station, 'counter-card-declined');
    await panel().getByTestId('counter-card-retry').click();
    await expect.poll(() => panel().getAttribute('data-status')).toBe('preparing');
    expect(await text(panel().getByTestId('counter-paid'))).toMatch(/kort/i);
  });

  it('hands a ready order out, which takes it off the list', async () => {
    const hand = await t.client(TOKENS.kitchen);
    const order = ok(await hand.emitWithAck('orders:watch', {})).orders.find((o) => o.number === cash)!;
    ok(await hand.emitWithAck('kitchen:bump', { orderId: order.id }));
    const row = station.locator(`[data-testid="counter-ready-order"][data-number="${cash}"]`);
    await expect.poll(() => row.count()).toBe(1);
    await row.getByTestId('counter-hand-over').click();
    await expect.poll(() => row.count()).toBe(0);
    expect(await text(station.getByTestId('counter-ready-message'))).toMatch(new RegExp(`Ordre ${cash} er udleveret`));
  });

  it('cancels an unpaid order after a second press confirms it', async () => {
    const unpaid = await orderToPayAtCounter([[COLA, 1]]);
    await expect.poll(() => awaiting(unpaid).count()).toBe(1);
    await findByKeypad(unpaid);
    const cancel = panel().getByTestId('counter-cancel');
    await cancel.click();
    expect(await cancel.getAttribute('data-armed')).toBe('true');
    await cancel.click();
    await expect.poll(() => panel().getAttribute('data-status')).toBe('cancelled');
    await expect.poll(() => awaiting(unpaid).count()).toBe(0);
  });
});
