// A manager at the attendant station opens the store's insights after some sales: the figures, the charts' numbers, the data to head office, and the CSV.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from '../helpers/browser.js';
import { CHIPS, COLA, MILK } from '../helpers/catalog.js';
import { nextSnapshot, startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';
import { text } from '../helpers/pages.js';
import { createStaff, signIn } from '../helpers/staff.js';

const SHOTS = new URL('../../test-results/screenshots/', import.meta.url);
const key = () => randomUUID();

let t: TestHub;
let browser: Browser;
let page: Page;

/** One shopper's basket at lane 1, paid; `during` runs before paying (a help call). */
async function sell(kiosk: Client, codes: string[], during?: () => Promise<void>): Promise<void> {
  const now = await kiosk.emitWithAck('lane:sync', {});
  if (now.ok && now.data.status !== 'idle') await nextSnapshot(kiosk, (s) => s.status === 'idle');
  for (const code of codes) expect(await kiosk.emitWithAck('lane:scan', { key: key(), code })).toMatchObject({ ok: true });
  await during?.();
  const done = nextSnapshot(kiosk, (s) => s.status === 'finished', 10_000);
  expect(await kiosk.emitWithAck('lane:pay', { key: key() })).toMatchObject({ ok: true });
  await done;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  t = await startTestHub({ terminal: true, config: { checkout: { thankYouSeconds: 0.1 } } });
  const kiosk = await t.client(TOKENS.kiosk1);
  const station = await t.client(TOKENS.station);
  await signIn(station, await createStaff(t, 'attendant', 'Anna'));
  await station.emitWithAck('staff:watch', {});
  await sell(kiosk, ['LOY10000001', COLA, COLA, COLA, MILK]);
  await sell(kiosk, [MILK, CHIPS], async () => {
    const called = nextSnapshot(station, (s) => s.interventions.some((i) => i.reason === 'help'));
    await kiosk.emitWithAck('lane:callStaff', { key: key(), reason: 'help' });
    const help = (await called).interventions.find((i) => i.reason === 'help')!;
    await station.emitWithAck('staff:resolve', { key: key(), laneId: 'lane-1', interventionId: help.id, outcome: 'approve' });
  });
  await sell(kiosk, [COLA]);
  await t.hub.staff.create({ number: '9001', name: 'Mette', role: 'manager' }).then(async ({ pin }) => {
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.goto(`${t.url}/display/?mode=staff&token=${TOKENS.station}&lang=en`);
    await page.getByTestId('signin-identity').fill('9001');
    await page.getByTestId('signin-pin').fill(pin);
    await page.getByTestId('signin-submit').click();
  });
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') console.log(await text(page.locator('body')));
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe("the manager's insights at the attendant station", () => {
  it("shows today's figures, top items, campaigns, staff help, lanes and the data to head office", async () => {
    await page.getByTestId('nav-manager').click();
    await page.getByTestId('manager-tab-insights').click();
    const figure = (k: string) => text(page.getByTestId(`insights-figure-${k}`));
    await expect.poll(() => figure('count')).toMatch(/^Sales\s+3$/);
    expect(await figure('total')).toMatch(/106\.90/);
    expect(await figure('averageBasket')).toMatch(/35\.63/);
    expect(await figure('discount')).toMatch(/18\.00/);
    expect(await figure('memberShare')).toMatch(/33\.3\s?%[\s\S]*1 of 3 sales/);

    const top = page.getByTestId('insights-top-item');
    expect(await top.count()).toBe(3);
    expect(await text(top.first())).toMatch(/Cola 1\.5 l\s+4\s+DKK\s?56\.00/);
    expect(await text(page.getByTestId('insights-campaign'))).toMatch(/Cola 3 for 2\s+1\s+DKK\s?18\.00/);
    expect(await text(page.getByTestId('insights-intervention'))).toMatch(/^The shopper needs help\s+1\s+1\s+\d+ s$/);
    expect(await text(page.locator('[data-testid="insights-lane"][data-lane-id="lane-1"]'))).toMatch(/Lane 1\s+3\s+DKK\s?106\.90\s+3\s+0/);

    // The chart is an image with a summary for screen readers, and a table of its numbers.
    const chart = page.getByTestId('insights-by-hour');
    expect(await chart.locator('svg[role="img"]').getAttribute('aria-label')).toMatch(/^Revenue by hour\. Busiest hour: \d\d:00–\d\d:00 with DKK\s?106\.90\.$/);
    expect(await chart.locator('tbody tr').count()).toBe(24);
    expect(await page.getByTestId('insights-by-day').count()).toBe(0);

    await expect.poll(() => text(page.getByTestId('upstream-backlog')), { timeout: 15_000 }).toBe('0');
    expect(await text(page.getByTestId('upstream-sink'))).toBe('file');
    expect(await text(page.getByTestId('upstream-last-error'))).toBe('No errors');
    await page.screenshot({ path: new URL('station-insights.png', SHOTS).pathname });
    await page.getByTestId('insights-lanes').scrollIntoViewIfNeeded();
    await page.screenshot({ path: new URL('station-insights-tables.png', SHOTS).pathname });
  });

  it('downloads the CSV of what is shown', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('insights-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^insights-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv).toContain('\r\nsales,3,10690,1800,3563,2.33\r\n');
    expect(csv).toContain('\r\ntopItems,1,cola,Cola 1.5 l,4,0,5600\r\n');
  });

  it('shows the last 7 days by day, and refuses picked dates in the wrong order', async () => {
    await page.getByTestId('insights-range-week').click();
    await expect.poll(() => page.getByTestId('insights-by-day').locator('tbody tr').count()).toBe(7);
    expect(await text(page.getByTestId('insights-figure-count'))).toMatch(/3$/);
    await page.getByTestId('insights-by-day').scrollIntoViewIfNeeded();
    await page.screenshot({ path: new URL('station-insights-week.png', SHOTS).pathname });
    await page.getByTestId('insights-range-custom').click();
    await page.getByTestId('insights-from').fill('2025-02-02');
    await page.getByTestId('insights-to').fill('2025-02-01');
    await page.getByTestId('insights-show').click();
    await expect.poll(() => text(page.getByTestId('insights-error'))).toBe('The to date is before the from date.');
    await page.getByTestId('insights-from').fill('2025-01-27');
    await page.getByTestId('insights-show').click();
    await expect.poll(() => text(page.getByTestId('insights-figure-count'))).toMatch(/0$/);
    expect(await page.getByTestId('insights-by-day').locator('tbody tr').count()).toBe(6);
  });

  it('speaks Danish too', async () => {
    await page.getByTestId('insights-range-today').click();
    await page.getByTestId('language-toggle').click();
    expect(await text(page.getByTestId('manager-tab-insights'))).toBe('Indsigt');
    await expect.poll(() => text(page.getByTestId('insights-figure-total'))).toMatch(/^Omsætning\s+106,90\s?kr\.$/);
    expect(await text(page.getByTestId('upstream-panel'))).toMatch(/Data til hovedkontoret[\s\S]*Ingen fejl/);
    await page.screenshot({ path: new URL('station-insights-da.png', SHOTS).pathname });
  });
});
