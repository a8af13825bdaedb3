import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLA, MILK, ean13 } from '../helpers/catalog.js';
import { launchBrowser, type Browser } from '../helpers/browser.js';
import { startTestHub, TOKENS, type TestHub } from '../helpers/hub.js';

let t: TestHub;
let browser: Browser;

beforeAll(async () => {
  t = await startTestHub();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('kiosk and customer display in Chromium', () => {
  it('a code typed into the kiosk shows as a priced line on the kiosk and on the customer display', async () => {
    const kiosk = await browser.context.newPage();
    const cfd = await browser.context.newPage();
    await kiosk.goto(`${t.url}/kiosk/?token=${TOKENS.kiosk1}`);
    await cfd.goto(`${t.url}/display/?mode=lane&token=${TOKENS.cfd1}`);

    const input = kiosk.getByTestId('scan-input');
    await input.fill(MILK);
    await input.press('Enter');
    await input.fill(COLA);
    await input.press('Enter');
    await input.fill(COLA);
    await input.press('Enter');
    await input.fill(COLA);
    await input.press('Enter');

    await expect.poll(() => kiosk.getByTestId('basket-line').count()).toBe(2);
    await expect.poll(() => cfd.getByTestId('cfd-line').count()).toBe(2);
    // 12,95 + 3 × 20,00 with 3 for 2 = 52,95 kr
    await expect.poll(() => kiosk.getByTestId('total').innerText()).toMatch(/52,95/);
    await expect.poll(() => cfd.getByTestId('cfd-total').innerText()).toMatch(/52,95/);
    await expect.poll(() => cfd.locator('body').innerText()).toMatch(/Cola 3 for 2/);
  });

  it('a reloaded kiosk page comes back to the lane\'s basket without its token in the URL', async () => {
    const kiosk = await browser.context.newPage();
    await kiosk.goto(`${t.url}/kiosk/`);
    await expect.poll(() => kiosk.getByTestId('basket-line').count()).toBe(2);
  });

  it('an unknown barcode is explained on the kiosk and changes nothing', async () => {
    const kiosk = await browser.context.newPage();
    await kiosk.goto(`${t.url}/kiosk/?token=${TOKENS.kiosk1}`);
    await expect.poll(() => kiosk.getByTestId('basket-line').count()).toBe(2);
    const input = kiosk.getByTestId('scan-input');
    await input.fill(ean13('570999999999'));
    await input.press('Enter');
    await expect.poll(() => kiosk.getByTestId('scan-error').innerText()).toMatch(/\S/);
    expect(await kiosk.getByTestId('basket-line').count()).toBe(2);
  });

  it('a screen without a token says it is not paired', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${t.url}/display/?mode=lane&token=not-a-valid-token-xyz`);
    await expect.poll(() => page.locator('body').innerText()).toMatch(/parret|paired|adgang|denied|unauthori/i);
  });
});
