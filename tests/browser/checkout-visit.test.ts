import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLA, MILK } from '../helpers/catalog.js';
import { launchBrowser, type Browser } from '../helpers/browser.js';
import { startTestHub, TOKENS, type TestHub } from '../helpers/hub.js';

const SHOTS = new URL('../../test-results/screenshots/', import.meta.url);
let t: TestHub;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  t = await startTestHub({ terminal: true, printer: true, config: { checkout: { thankYouSeconds: 3, printRetryMs: 200 } } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('a whole visit in Chromium', () => {
  it('scan by keyboard, pay at the simulated terminal, see the thank-you on kiosk and CFD, and the receipt prints', async () => {
    const kiosk = await browser.context.newPage();
    const cfd = await browser.context.newPage();
    await kiosk.goto(`${t.url}/kiosk/?token=${TOKENS.kiosk1}`);
    await cfd.goto(`${t.url}/display/?mode=lane&token=${TOKENS.cfd1}`);
    const input = kiosk.getByTestId('scan-input');
    for (const code of [MILK, COLA]) {
      await input.fill(code);
      await input.press('Enter');
    }
    await expect.poll(() => kiosk.getByTestId('basket-line').count()).toBe(2);
    await kiosk.screenshot({ path: new URL('kiosk-basket.png', SHOTS).pathname });

    t.terminal!.script({ slow: 800 });
    await kiosk.getByTestId('pay').click();
    await expect.poll(() => kiosk.getByTestId('payment-state').innerText()).toMatch(/terminal/i);
    await expect.poll(() => cfd.getByTestId('cfd-payment').innerText()).toMatch(/terminal/i);
    await kiosk.screenshot({ path: new URL('kiosk-payment.png', SHOTS).pathname });

    await expect.poll(() => kiosk.getByTestId('thank-you').innerText(), { timeout: 10_000 }).toMatch(/nr\. 1/);
    await expect.poll(() => cfd.getByTestId('cfd-thanks').innerText()).toMatch(/nr\. 1/);
    await kiosk.screenshot({ path: new URL('kiosk-thank-you.png', SHOTS).pathname });
    await cfd.screenshot({ path: new URL('cfd-thank-you.png', SHOTS).pathname });
    await expect.poll(() => t.printer!.receipts.length).toBe(1);
    expect(t.printer!.receipts[0]!.text).toMatch(/Letmælk/);

    // After the thank-you the lane waits for the next shopper.
    await expect.poll(() => kiosk.getByTestId('basket-line').count(), { timeout: 10_000 }).toBe(0);
  });

  it('a declined card is explained and the shopper can try again', async () => {
    const kiosk = await browser.context.newPage();
    await kiosk.goto(`${t.url}/kiosk/?token=${TOKENS.kiosk1}`);
    const input = kiosk.getByTestId('scan-input');
    await input.fill(MILK);
    await input.press('Enter');
    await expect.poll(() => kiosk.getByTestId('basket-line').count()).toBe(1);
    t.terminal!.script('decline');
    await kiosk.getByTestId('pay').click();
    await expect.poll(() => kiosk.getByTestId('payment-refused').innerText()).toMatch(/afvist/);
    await kiosk.screenshot({ path: new URL('kiosk-declined.png', SHOTS).pathname });
    await kiosk.getByTestId('pay').click();
    await expect.poll(() => kiosk.getByTestId('thank-you').innerText(), { timeout: 10_000 }).toMatch(/nr\. 3/);
  });

  it('a printer out of paper is explained on the thank-you, with the receipt number and a QR code of the sale to photograph', async () => {
    const kiosk = await browser.context.newPage();
    await kiosk.goto(`${t.url}/kiosk/?token=${TOKENS.kiosk1}`);
    await expect.poll(() => kiosk.getByTestId('basket-line').count(), { timeout: 10_000 }).toBe(0);
    t.printer!.setState('paper-out');
    const input = kiosk.getByTestId('scan-input');
    await input.fill(MILK);
    await input.press('Enter');
    await expect.poll(() => kiosk.getByTestId('basket-line').count()).toBe(1);
    await kiosk.getByTestId('pay').click();
    await expect.poll(() => kiosk.getByTestId('printer-problem').innerText({ timeout: 500 }).catch(() => ''), { timeout: 10_000 }).toMatch(/papir/i);
    const qr = kiosk.getByTestId('receipt-qr');
    await expect.poll(() => qr.locator('svg').count(), { timeout: 10_000 }).toBe(1);
    expect(await qr.innerText()).toMatch(/nr\. \d+/);
    await kiosk.screenshot({ path: new URL('kiosk-printer-problem.png', SHOTS).pathname });
    t.printer!.setState('ready');
  });
});
