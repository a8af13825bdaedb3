/** Pages in browser tests: closed after each test (the first one's text printed when it failed), a kiosk opened with its token, the shopper's scan. */
import type { Locator, Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';
import type { Browser } from './browser.js';
import { TOKENS } from './hub.js';

/**
 * For a test file's top level: registers the afterEach that closes each test's pages, and gives the function
 * that opens one. `browser` is read when a page opens, since it starts in beforeAll.
 */
export function pagesPerTest(browser: () => Browser): () => Promise<Page> {
  const pages: Page[] = [];
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && pages[0]) console.log(await pages[0].locator('body').innerText());
    for (const p of pages.splice(0)) await p.close();
  });
  return async () => {
    const page = await browser().context.newPage();
    pages.push(page);
    return page;
  };
}

/** Opens lane 1's kiosk on the hub at `hubUrl`, paired by its token; with `connected`, waits until it says so. */
export async function gotoKiosk(page: Page, hubUrl: string, options: { connected?: boolean } = {}): Promise<Page> {
  await page.goto(`${hubUrl}/kiosk/?token=${TOKENS.kiosk1}`);
  if (options.connected) await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-status')).toBe('connected');
  return page;
}

/** Text of an element, or '' while it is not there: polls retry quickly instead of waiting out a locator timeout. */
export const text = (l: Locator): Promise<string> => l.innerText({ timeout: 500 }).catch(() => '');

/** Types a code into the kiosk's scan field, as a shopper (or a member of staff) does. */
export async function scan(page: Page, code: string): Promise<void> {
  const input = page.getByTestId('scan-input');
  await input.fill(code);
  await input.press('Enter');
}
