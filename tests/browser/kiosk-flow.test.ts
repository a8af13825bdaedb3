// The kiosk's self-checkout flow in Chromium: attract, start, language reset, the idle question, display choices, help panels.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from '../helpers/browser.js';
import { MILK, testCatalog } from '../helpers/catalog.js';
import { startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';
import { gotoKiosk, pagesPerTest, scan, text } from '../helpers/pages.js';

let t: TestHub;
let browser: Browser;
let reader: Client;
// Every kiosk page runs its own idle timer on the one lane: none may outlive its test.
const newPage = pagesPerTest(() => browser);

beforeAll(async () => {
  const catalog = testCatalog();
  catalog.members = [{ id: 'm2', cardNumber: 'LOY10000002', name: 'Mette', phone: '4522334455' }, ...(catalog.members ?? [])];
  t = await startTestHub({
    catalog,
    terminal: true,
    scale: true,
    // The schema's shortest idle pacing, so the idle test takes about ten seconds.
    config: { checkout: { thankYouSeconds: 1, idleSeconds: 5, stillThereSeconds: 5 } },
  });
  browser = await launchBrowser();
  reader = await t.client(TOKENS.cfd1);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const openKiosk = async (): Promise<Page> => gotoKiosk(await newPage(), t.url);
const screenOf = (page: Page) => page.getByTestId('kiosk-screen').getAttribute('data-screen');
const rootClasses = (page: Page) => page.evaluate(() => document.documentElement.className);

async function laneSnapshot() {
  const ack = await reader.emitWithAck('lane:sync', {});
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.data;
}

describe('the kiosk from attract screen to the next shopper', () => {
  it('an idle lane shows the attract screen; Start goes to the (empty) scanning screen', async () => {
    const kiosk = await openKiosk();
    await expect.poll(() => screenOf(kiosk)).toBe('attract');
    const attract = kiosk.getByTestId('attract');
    expect(await attract.innerText()).toMatch(/Velkommen[\s\S]*Begynd her/);
    expect(await kiosk.getByTestId('language-da').getAttribute('aria-pressed')).toBe('true');
    await kiosk.getByTestId('start').click();
    await expect.poll(() => screenOf(kiosk)).toBe('checkout');
    await expect.poll(() => kiosk.getByTestId('basket-empty').isVisible()).toBe(true);
    // Nothing was sent to the hub: the lane still waits for a shopper.
    expect((await laneSnapshot()).status).toBe('idle');
  });

  it('a shopper who chose English and high contrast leaves: the next one gets Danish and the normal look', async () => {
    const kiosk = await openKiosk();
    await kiosk.getByTestId('language-en').click();
    await expect.poll(() => text(kiosk.getByTestId('attract'))).toMatch(/Welcome[\s\S]*Start/);
    await kiosk.getByTestId('toggle-contrast').click();
    await expect.poll(() => rootClasses(kiosk)).toMatch(/\bkiosk--contrast\b/);
    expect(await kiosk.getByTestId('toggle-contrast').getAttribute('aria-pressed')).toBe('true');
    await kiosk.getByTestId('toggle-text-size').click();
    await expect.poll(() => rootClasses(kiosk)).toMatch(/\bkiosk--large-text\b/);

    // A scan on the attract screen starts the visit.
    await scan(kiosk, MILK);
    await expect.poll(() => screenOf(kiosk)).toBe('checkout');
    await expect.poll(() => kiosk.getByTestId('basket-line').count()).toBe(1);
    expect(await kiosk.getByTestId('pay').innerText()).toMatch(/Pay/);

    await kiosk.getByTestId('cancel').click();
    await kiosk.getByTestId('cancel-confirm').click();
    await expect.poll(() => screenOf(kiosk)).toBe('attract');
    expect(await kiosk.getByTestId('attract').innerText()).toMatch(/Velkommen/);
    expect(await kiosk.evaluate(() => document.documentElement.lang)).toBe('da');
    expect(await rootClasses(kiosk)).not.toMatch(/kiosk--contrast|kiosk--large-text/);
  });

  it('after a paid visit and its thank-you, the kiosk is back at attract in Danish', async () => {
    const kiosk = await openKiosk();
    await kiosk.getByTestId('language-en').click();
    await kiosk.getByTestId('start').click();
    await scan(kiosk, MILK);
    await expect.poll(() => kiosk.getByTestId('basket-line').count()).toBe(1);
    await kiosk.getByTestId('pay').click();
    await expect.poll(() => text(kiosk.getByTestId('thank-you')), { timeout: 10_000 }).toMatch(/Thank you/);
    await expect.poll(() => screenOf(kiosk), { timeout: 5000 }).toBe('attract');
    expect(await kiosk.getByTestId('attract').innerText()).toMatch(/Velkommen/);
  });

  it('an unpaid basket left alone is asked about, then cancelled, and the kiosk goes back to attract', async () => {
    const kiosk = await openKiosk();
    await scan(kiosk, MILK);
    await expect.poll(() => kiosk.getByTestId('basket-line').count()).toBe(1);
    const dialog = kiosk.getByTestId('idle-dialog');
    await expect.poll(() => dialog.isVisible(), { timeout: 7000 }).toBe(true);
    expect(await dialog.getAttribute('role')).toBe('alertdialog');
    expect(await dialog.innerText()).toMatch(/Er du her stadig\?[\s\S]*Ja, jeg er her/);
    expect(await kiosk.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('idle-yes');
    // No answer: the basket is cancelled on the hub.
    await expect.poll(() => screenOf(kiosk), { timeout: 7000 }).toBe('attract');
    const snap = await laneSnapshot();
    expect(snap.status).toBe('idle');
    expect(snap.lines).toHaveLength(0);
    expect(await dialog.count()).toBe(0);
  });

  it('a member identifies by card scan and is welcomed by name', async () => {
    const kiosk = await openKiosk();
    await kiosk.getByTestId('start').click();
    await kiosk.getByTestId('member-open').click();
    await expect.poll(() => kiosk.getByTestId('member-panel').isVisible()).toBe(true);
    // The scan field is behind the dialog: the card comes as a wedge scanner's burst of keys.
    await kiosk.keyboard.type('LOY10000002\n', { delay: 2 });
    await expect.poll(() => text(kiosk.getByTestId('member-welcome'))).toMatch(/Velkommen, Mette/);
    await kiosk.getByTestId('member-done').click();
    expect(await kiosk.getByTestId('member-welcome-banner').innerText()).toMatch(/medlemspriser/i);
    await kiosk.getByTestId('cancel').click();
    await kiosk.getByTestId('cancel-confirm').click();
    await expect.poll(() => screenOf(kiosk)).toBe('attract');
  });
});

// These need the hub's catalog:search, lane:identify and the lane scale.
describe('help for items without a barcode and members without a card (hub search and identify)', () => {
  it('a phone number on the keypad identifies the member; an unknown one is explained', async () => {
    const kiosk = await openKiosk();
    await kiosk.getByTestId('start').click();
    await kiosk.getByTestId('member-open').click();
    for (const d of '87654321') await kiosk.getByTestId(`key-${d}`).click();
    await kiosk.getByTestId('member-submit').click();
    await expect.poll(() => text(kiosk.getByTestId('member-error'))).toMatch(/Vi kender ikke det nummer/);
    await kiosk.getByTestId('key-clear').click();
    await kiosk.keyboard.type('22334455', { delay: 60 }); // the physical keyboard types on the keypad too
    await kiosk.keyboard.press('Enter');
    await expect.poll(() => text(kiosk.getByTestId('member-welcome'))).toMatch(/Velkommen, Mette/);
    expect((await laneSnapshot()).member?.name).toBe('Mette');
    await kiosk.getByTestId('member-done').click();
    await kiosk.getByTestId('cancel').click();
    await kiosk.getByTestId('cancel-confirm').click();
    await expect.poll(() => screenOf(kiosk)).toBe('attract');
  });

  it('the picture grid lists items without a barcode with their price per kg, and finds items by name', async () => {
    const kiosk = await openKiosk();
    await kiosk.getByTestId('start').click();
    await kiosk.getByTestId('grid-open').click();
    const bananas = kiosk.locator('[data-testid="grid-item"][data-code="4011"]');
    await expect.poll(() => text(bananas)).toMatch(/Bananer[\s\S]*22,00\s*kr\.\/kg/);
    await kiosk.getByTestId('grid-search').fill('mælk');
    await expect.poll(() => text(kiosk.getByTestId('grid-item').first())).toMatch(/Letmælk/);
    await kiosk.getByTestId('grid-search').fill('');
    await expect.poll(() => bananas.count()).toBe(1);
    // Nothing on the scale yet: the hub asks for the item on it, and "weigh again" asks the scale once more.
    await bananas.click();
    await expect.poll(() => text(kiosk.getByTestId('weigh-prompt'))).toMatch(/Læg varen på vægten[\s\S]*Vej igen/);
    expect(await kiosk.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('weigh-again');
    t.scale!.setWeight(532);
    await kiosk.getByTestId('weigh-again').click();
    await expect.poll(() => text(kiosk.getByTestId('basket-line'))).toMatch(/Bananer[\s\S]*0,532\s*kg[\s\S]*11,70/);
    expect(await kiosk.getByTestId('grid-panel').count()).toBe(0);
  });
});
