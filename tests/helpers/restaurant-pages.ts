/** Browser tests of the restaurant's screens: a hub with the burger menu and its ordering kiosk connected, Chromium, full-HD screenshots. */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach } from 'vitest';
import { launchBrowser, type Browser } from './browser.js';
import { startTestHub, TOKENS, type Client, type TestHub } from './hub.js';
import { text } from './pages.js';

const SHOTS = new URL('../../test-results/screenshots/', import.meta.url);

/** A screenshot at the screens' full HD (or `size`), then back to the 1280×800 the tests run at. */
export async function shot(page: Page, name: string, size = { width: 1920, height: 1080 }): Promise<void> {
  await page.setViewportSize(size);
  await page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname });
  await page.setViewportSize({ width: 1280, height: 800 });
}

/**
 * For a beforeAll: a restaurant hub (a terminal, a printer, a short thank-you, quick retries of the terminal's status),
 * the ordering kiosk's connection and Chromium. The test file closes the browser and the hub in its afterAll.
 */
export async function startRestaurant(): Promise<{ t: TestHub; kiosk: Client; browser: Browser }> {
  mkdirSync(SHOTS, { recursive: true });
  const t = await startTestHub({ restaurant: true, terminal: true, printer: true, config: { checkout: { thankYouSeconds: 0.3, statusRetryMs: 50 } } });
  try {
    return { t, kiosk: await t.client(TOKENS.orderKiosk), browser: await launchBrowser() };
  } catch (e) {
    await t.close();
    throw e;
  }
}

/** For a test file's top level: after a failed test, prints the text of the pages it names (read then, as they open in beforeAll). */
export function printPagesOnFailure(pages: () => Page[]): void {
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') for (const p of pages()) console.log(await text(p.locator('body')));
  });
}
