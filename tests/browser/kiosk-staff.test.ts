// Staff at the lane in Chromium: a badge or staff number signs in, the age check is approved in the staff menu, shoppers call for help, a lane closes; and a kiosk pairs with a code.
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from '../helpers/browser.js';
import { ean13, MILK, product, testCatalog } from '../helpers/catalog.js';
import { startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';
import { gotoKiosk, pagesPerTest, scan, text } from '../helpers/pages.js';

/** 7.5 % vol.: over 6 %, so 18+ by the Danish rules. */
const STRONG_BEER = ean13('570000000011');
const SHOTS = new URL('../../test-results/screenshots/', import.meta.url);
const shot = (page: Page, name: string) => page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname });

let t: TestHub;
let browser: Browser;
let reader: Client;
let anna: { pin: string };
let bo: { pin: string };
const newPage = pagesPerTest(() => browser);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const catalog = testCatalog();
  catalog.products.push(
    product({ id: 'strong-beer', name: { da: 'Stærk pilsner', en: 'Strong lager' }, gtins: [STRONG_BEER], price: 1500, ageCategory: 'alcohol', abv: 75, department: 'oel-og-vin' }),
  );
  t = await startTestHub({ catalog, terminal: true });
  anna = await t.hub.staff.create({ number: '1001', name: 'Anna', role: 'attendant', badge: 'A1001' });
  bo = await t.hub.staff.create({ number: '2001', name: 'Bo', role: 'supervisor', badge: 'B2001' });
  browser = await launchBrowser();
  reader = await t.client(TOKENS.cfd1);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const openKiosk = async (hubUrl = t.url): Promise<Page> => gotoKiosk(await newPage(), hubUrl, { connected: true });

async function typeOnKeypad(dialog: Locator, digits: string) {
  for (const d of digits) await dialog.getByTestId(`key-${d}`).click();
}

async function laneSnapshot() {
  const ack = await reader.emitWithAck('lane:sync', {});
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.data;
}

async function signInWithBadge(page: Page, badge: string, pin: string) {
  await scan(page, `STF${badge}`);
  const signIn = page.getByTestId('staff-signin');
  await expect.poll(() => signIn.isVisible()).toBe(true);
  await typeOnKeypad(signIn, pin);
  await signIn.getByTestId('staff-signin-submit').click();
}

async function signInWithNumber(page: Page, number: string, pin: string) {
  await page.getByTestId('staff-button').click();
  const signIn = page.getByTestId('staff-signin');
  await expect.poll(() => signIn.isVisible()).toBe(true);
  await typeOnKeypad(signIn, number);
  await signIn.getByTestId('staff-signin-submit').click();
  await typeOnKeypad(signIn, pin);
  await signIn.getByTestId('staff-signin-submit').click();
}

async function cancelVisit(page: Page) {
  await page.getByTestId('cancel').click();
  await page.getByTestId('cancel-confirm').click();
  await expect.poll(async () => (await laneSnapshot()).status).toBe('idle');
}

describe('staff at the lane', () => {
  it('an 18+ beer blocks payment until staff scan their badge, type the PIN and approve having seen an ID', async () => {
    const kiosk = await openKiosk();
    await scan(kiosk, STRONG_BEER);
    await expect.poll(() => kiosk.getByTestId('basket-line').count()).toBe(1);
    const notice = kiosk.getByTestId('lane-notice');
    await expect.poll(() => notice.getAttribute('data-reason').catch(() => null)).toBe('age-check');
    expect(await notice.innerText()).toMatch(/kontrollere din alder/);
    expect(await kiosk.getByTestId('pay').isDisabled()).toBe(true);
    await shot(kiosk, 'kiosk-age-check');

    // The badge is typed into the scan field like any code, but it is not an item: it opens staff sign-in.
    await scan(kiosk, 'STFA1001');
    const signIn = kiosk.getByTestId('staff-signin');
    await expect.poll(() => text(signIn)).toMatch(/Kortet er læst/);
    await typeOnKeypad(signIn, anna.pin);
    expect(await signIn.getByTestId('staff-pin').inputValue()).toHaveLength(anna.pin.length);
    expect(await signIn.getByTestId('staff-pin').getAttribute('type')).toBe('password');
    await shot(kiosk, 'kiosk-staff-pin');
    await signIn.getByTestId('staff-signin-submit').click();

    const menu = kiosk.getByTestId('staff-menu');
    await expect.poll(() => text(menu.getByTestId('staff-who'))).toMatch(/Anna/);
    const ageCheck = menu.locator('[data-testid="staff-intervention"][data-reason="age-check"]');
    await expect.poll(() => text(ageCheck)).toMatch(/Alderskontrol: 18\+/);
    await shot(kiosk, 'kiosk-staff-menu');
    // The badge never reached the basket.
    expect((await laneSnapshot()).lines).toHaveLength(1);
    expect(await kiosk.getByTestId('scan-error').count()).toBe(0);

    await ageCheck.getByTestId('age-id-seen').click();
    await expect.poll(() => menu.getByTestId('staff-intervention').count()).toBe(0);
    expect(await text(menu.getByTestId('staff-done'))).toMatch(/Klaret/);
    await menu.getByTestId('staff-sign-out').click();
    await expect.poll(() => menu.count()).toBe(0);

    await expect.poll(() => kiosk.getByTestId('pay').isEnabled()).toBe(true);
    expect(await kiosk.getByTestId('lane-notice').count()).toBe(0);
    expect((await laneSnapshot()).interventions).toHaveLength(0);
    await shot(kiosk, 'kiosk-age-approved');
    await kiosk.getByTestId('pay').click();
    await expect.poll(() => text(kiosk.getByTestId('thank-you')), { timeout: 10_000 }).toMatch(/Tak for dit køb/);
    await expect.poll(async () => (await laneSnapshot()).status, { timeout: 15_000 }).toBe('idle');
  });

  it('a wrong PIN and an unknown badge get the same neutral answer', async () => {
    const kiosk = await openKiosk();
    const wrong = anna.pin === '000000' ? '111111' : '000000';
    await signInWithBadge(kiosk, 'A1001', wrong);
    const error = kiosk.getByTestId('staff-signin-error');
    await expect.poll(() => text(error)).toMatch(/Login mislykkedes/);
    const wrongPin = await error.innerText();
    expect(await kiosk.getByTestId('staff-pin').inputValue()).toBe('');
    await kiosk.getByTestId('staff-signin-back').click();

    await signInWithBadge(kiosk, 'NOBODY42', wrong);
    await expect.poll(() => text(error)).toMatch(/Login mislykkedes/);
    expect(await error.innerText()).toBe(wrongPin);
    await kiosk.getByTestId('staff-signin-back').click();
    expect(await kiosk.getByTestId('staff-menu').count()).toBe(0);
  });

  it('by staff number and PIN, a date of birth under the age limit is refused and one over it approved', async () => {
    const kiosk = await openKiosk();
    await scan(kiosk, STRONG_BEER);
    await expect.poll(() => kiosk.getByTestId('lane-notice').getAttribute('data-reason').catch(() => null)).toBe('age-check');
    await signInWithNumber(kiosk, '1001', anna.pin);
    const menu = kiosk.getByTestId('staff-menu');
    const ageCheck = menu.locator('[data-testid="staff-intervention"][data-reason="age-check"]');
    await ageCheck.getByTestId('age-by-date').click();

    const year = new Date().getFullYear();
    await typeOnKeypad(ageCheck, `0101${year - 16}`);
    await expect.poll(() => text(ageCheck.getByTestId('age-dob-hint'))).toMatch(/16 år/);
    await ageCheck.getByTestId('age-dob-approve').click();
    await expect.poll(() => text(ageCheck.getByTestId('age-dob-refused'))).toMatch(/under aldersgrænsen/);
    expect(await text(menu.getByTestId('staff-error'))).toBe('');
    expect((await laneSnapshot()).interventions.map((i) => i.reason)).toEqual(['age-check']);
    await shot(kiosk, 'kiosk-staff-under-age');

    await ageCheck.getByTestId('key-clear').click();
    await typeOnKeypad(ageCheck, `0101${year - 30}`);
    await ageCheck.getByTestId('age-dob-approve').click();
    await expect.poll(() => menu.getByTestId('staff-intervention').count()).toBe(0);
    await menu.getByTestId('staff-sign-out').click();
    await expect.poll(() => kiosk.getByTestId('pay').isEnabled()).toBe(true);
    await cancelVisit(kiosk);
  });

  it('a shopper who calls for help waits until staff are done; scanning is blocked meanwhile', async () => {
    const kiosk = await openKiosk();
    await scan(kiosk, MILK);
    await expect.poll(() => kiosk.getByTestId('basket-line').count()).toBe(1);
    await kiosk.getByTestId('call-staff').click();
    const notice = kiosk.getByTestId('lane-notice');
    await expect.poll(() => notice.getAttribute('data-reason').catch(() => null)).toBe('help');
    expect(await notice.innerText()).toMatch(/En medarbejder er på vej/);
    await scan(kiosk, MILK);
    await expect.poll(() => kiosk.getByTestId('scan-error').getAttribute('data-code').catch(() => null)).toBe('lane-blocked');
    await shot(kiosk, 'kiosk-called-help');

    await signInWithBadge(kiosk, 'A1001', anna.pin);
    const menu = kiosk.getByTestId('staff-menu');
    await menu.locator('[data-testid="staff-intervention"][data-reason="help"]').getByTestId('resolve-approve').click();
    await expect.poll(() => menu.getByTestId('staff-intervention').count()).toBe(0);
    await menu.getByTestId('staff-sign-out').click();
    await expect.poll(() => notice.count()).toBe(0);
    await scan(kiosk, MILK);
    await expect.poll(async () => (await laneSnapshot()).lines[0]?.quantity).toBe(2);
    await cancelVisit(kiosk);
  });

  it('an item the lane cannot find offers help with it, which tells staff the code', async () => {
    const kiosk = await openKiosk();
    await scan(kiosk, MILK);
    await expect.poll(() => kiosk.getByTestId('basket-line').count()).toBe(1);
    const unknown = ean13('570000000999');
    await scan(kiosk, unknown);
    await expect.poll(() => kiosk.getByTestId('unknown-item-help').isVisible().catch(() => false)).toBe(true);
    await kiosk.getByTestId('unknown-item-help').click();
    await expect.poll(() => kiosk.getByTestId('lane-notice').getAttribute('data-reason').catch(() => null)).toBe('unknown-item');
    const open = (await laneSnapshot()).interventions;
    expect(open).toMatchObject([{ reason: 'unknown-item', code: unknown }]);

    await signInWithBadge(kiosk, 'A1001', anna.pin);
    const item = kiosk.getByTestId('staff-menu').locator('[data-testid="staff-intervention"][data-reason="unknown-item"]');
    await expect.poll(() => text(item)).toContain(unknown);
    await item.getByTestId('resolve-approve').click();
    await expect.poll(async () => (await laneSnapshot()).interventions).toHaveLength(0);
    await kiosk.getByTestId('staff-sign-out').click();
    await cancelVisit(kiosk);
  });

  it('an attendant\'s price change waits for a supervisor, who approves it; staff void a line', async () => {
    const kiosk = await openKiosk();
    await scan(kiosk, MILK);
    await expect.poll(() => kiosk.getByTestId('basket-line').count()).toBe(1);
    await signInWithBadge(kiosk, 'A1001', anna.pin);
    const menu = kiosk.getByTestId('staff-menu');
    await menu.getByTestId('staff-price').click();
    const form = menu.getByTestId('price-form');
    await typeOnKeypad(form, '1000');
    expect(await form.getByTestId('price-amount').inputValue()).toMatch(/10,00/);
    await form.getByTestId('price-reason-shelf').check();
    expect(await text(form)).toMatch(/En supervisor skal godkende/);
    await shot(kiosk, 'kiosk-staff-price');
    await form.getByTestId('price-submit').click();
    await expect.poll(() => text(menu.getByTestId('staff-done'))).toMatch(/venter på en supervisors godkendelse/);
    expect((await laneSnapshot()).interventions).toMatchObject([{ reason: 'price-override', price: 1000, requestedBy: { name: 'Anna' } }]);
    await menu.getByTestId('staff-sign-out').click();

    await signInWithBadge(kiosk, 'B2001', bo.pin);
    const request = menu.locator('[data-testid="staff-intervention"][data-reason="price-override"]');
    await expect.poll(() => text(request)).toMatch(/Ny pris på Letmælk 1 l: 10,00\s*kr\.[\s\S]*Bedt om af Anna/);
    await request.getByTestId('resolve-approve').click();
    await expect.poll(async () => (await laneSnapshot()).lines[0]?.paidPrice).toBe(1000);
    expect((await laneSnapshot()).lines[0]?.priceOverridden).toBe(true);
    await menu.getByTestId('staff-void').click();
    await expect.poll(async () => (await laneSnapshot()).lines).toHaveLength(0);
    await menu.getByTestId('staff-sign-out').click();
    await cancelVisit(kiosk);
  });

  it('a supervisor closes the lane: it says so in both languages, and opens again from the staff menu', async () => {
    const kiosk = await openKiosk();
    await signInWithBadge(kiosk, 'B2001', bo.pin);
    const menu = kiosk.getByTestId('staff-menu');
    await menu.getByTestId('staff-close-lane').click();
    await expect.poll(async () => (await laneSnapshot()).status).toBe('closed');
    await menu.getByTestId('staff-sign-out').click();
    const closed = kiosk.getByTestId('lane-closed');
    await expect.poll(() => text(closed)).toMatch(/Kassen er lukket[\s\S]*This lane is closed/);
    await shot(kiosk, 'kiosk-lane-closed');

    await signInWithNumber(kiosk, '2001', bo.pin);
    await menu.getByTestId('staff-open-lane').click();
    await expect.poll(async () => (await laneSnapshot()).status).toBe('idle');
    await menu.getByTestId('staff-sign-out').click();
    await expect.poll(() => kiosk.getByTestId('kiosk-screen').getAttribute('data-screen')).toBe('attract');
  });
});

describe('a store that lets a badge alone open the staff menu at the lane', () => {
  let quick: TestHub;
  beforeAll(async () => {
    quick = await startTestHub({ config: { staff: { badgeOnlyAtLane: true, laneMenuSeconds: 3 } } });
    await quick.hub.staff.create({ number: '1001', name: 'Anna', role: 'attendant', badge: 'A1001' });
  });
  afterAll(async () => {
    await quick?.close();
  });

  it('a badge signs in without a PIN, and the menu closes after the idle time without a touch', async () => {
    const kiosk = await openKiosk(quick.url);
    await scan(kiosk, 'STFA1001');
    const menu = kiosk.getByTestId('staff-menu');
    await expect.poll(() => text(menu.getByTestId('staff-who'))).toMatch(/Anna/);
    expect(await kiosk.getByTestId('staff-pin').count()).toBe(0);
    await expect.poll(() => menu.count(), { timeout: 8000 }).toBe(0);
  });
});

describe('pairing a kiosk', () => {
  it('an unpaired kiosk asks for the manager\'s code, explains a wrong one, and pairs with the right one', async () => {
    const page = await newPage();
    await page.goto(`${t.url}/kiosk/?lane=lane-2`);
    await page.evaluate(() => localStorage.removeItem('selfserve.kiosk.token'));
    await page.reload();
    const screen = page.getByTestId('pair-screen');
    // The test hub is not in demo mode: no pairing by address, the code form shows.
    await expect.poll(() => screen.getAttribute('data-phase').catch(() => null)).toBe('form');
    expect(await screen.innerText()).toMatch(/Pair this screen[\s\S]*Par denne skærm[\s\S]*lane-2/);

    for (const d of '000000') await page.getByTestId(`pair-key-${d}`).click();
    await page.getByTestId('pair-submit').click();
    await expect.poll(() => page.getByTestId('pair-error').getAttribute('data-failure')).toBe('wrong-code');
    expect(await page.getByTestId('pair-error').innerText()).toMatch(/wrong, used or expired[\s\S]*forkert, brugt eller udløbet/);
    await shot(page, 'kiosk-pair-wrong-code');

    const { code } = await t.hub.devices.create({ kind: 'kiosk', laneId: 'lane-2', name: 'Kasse 2' }, { actor: null });
    await page.getByTestId('pair-code').fill(code);
    await page.getByTestId('pair-submit').click();
    await expect.poll(() => page.getByTestId('kiosk-screen').getAttribute('data-screen').catch(() => null)).toBe('attract');
    expect(await page.evaluate(() => localStorage.getItem('selfserve.kiosk.token'))).toBeTruthy();
    // A reload keeps the pairing.
    await page.reload();
    await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-status').catch(() => null)).toBe('connected');
  });
});
