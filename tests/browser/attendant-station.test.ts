// The attendant station in Chromium: staff sign in, see every lane, hear and see a shopper's help call, resolve it, and the kiosk goes on.
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from '../helpers/browser.js';
import { MILK } from '../helpers/catalog.js';
import { startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';

const SHOTS = new URL('../../test-results/screenshots/', import.meta.url);
const shot = (page: Page, name: string) => page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname });
/** Text of an element, or '' while it is not there, so polls retry quickly. */
const text = (l: Locator) => l.innerText({ timeout: 500 }).catch(() => '');

let t: TestHub;
let browser: Browser;
let anna: { pin: string };
let station: Page;
let kiosk: Page;
const sockets: Client[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // The default test devices: both lanes' kiosks, lane 1's customer display and the attendant station.
  t = await startTestHub();
  anna = await t.hub.staff.create({ number: '1001', name: 'Anna', role: 'attendant' });
  browser = await launchBrowser();
  station = await browser.context.newPage();
  kiosk = await browser.context.newPage();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') console.log(await text(station.locator('body')));
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await browser?.close();
  await t?.close();
});

const wrong = (pin: string) => (pin === '0000' ? '9999' : '0000');
const tile = (laneId: string) => station.locator(`[data-testid="lane-tile"][data-lane-id="${laneId}"]`);

async function signIn(number: string, pin: string) {
  await station.getByTestId('signin-identity').fill(number);
  await station.getByTestId('signin-pin').fill(pin);
  await station.getByTestId('signin-submit').click();
}

/** The shopper calls for help with the kiosk's button; until the kiosk has one, its lane asks over its own socket. */
async function callForHelp() {
  const button = kiosk.getByTestId('call-staff');
  if ((await button.count()) > 0) {
    await button.click();
    return;
  }
  const lane = await t.client(TOKENS.kiosk1);
  sockets.push(lane);
  const ack = await lane.emitWithAck('lane:callStaff', { key: crypto.randomUUID(), reason: 'help' });
  if (!ack.ok) throw new Error(`lane:callStaff: ${ack.error.code} ${ack.error.message}`);
}

describe('the attendant station', () => {
  it('signs staff in with their number and PIN, with one neutral answer for a wrong PIN', async () => {
    await station.goto(`${t.url}/display/?mode=staff&token=${TOKENS.station}&lang=en`);
    await expect.poll(() => station.getByTestId('signin').isVisible()).toBe(true);
    await signIn('1001', wrong(anna.pin));
    await expect.poll(() => text(station.getByTestId('signin-error'))).toMatch(/number, badge or PIN is not right/i);
    await shot(station, 'station-sign-in');

    await signIn('1001', anna.pin);
    await expect.poll(() => text(station.getByTestId('station-staff'))).toMatch(/Anna/);
    await expect.poll(() => station.getByTestId('lane-tile').count()).toBe(2);
    // The token left the address once stored; a reload pairs from storage.
    expect(station.url()).not.toContain('token=');
  });

  it('shows a lane scanning, then a help call in the queue with a chime and an announcement; resolving it frees the kiosk', async () => {
    await kiosk.goto(`${t.url}/kiosk/?token=${TOKENS.kiosk1}`);
    const input = kiosk.getByTestId('scan-input');
    await input.fill(MILK);
    await input.press('Enter');
    await expect.poll(() => tile('lane-1').getAttribute('data-state')).toBe('scanning');
    await expect.poll(() => text(tile('lane-1').getByTestId('lane-tile-total'))).toMatch(/12\.95/);

    await callForHelp();
    const card = station.locator('[data-testid="intervention"][data-reason="help"]');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getAttribute('data-lane-id')).toBe('lane-1');
    await expect.poll(() => tile('lane-1').getAttribute('data-state')).toBe('needs-staff');
    await expect.poll(() => text(station.getByTestId('station-announcement'))).toMatch(/Lane 1/);
    await expect.poll(async () => Number(await station.getByTestId('sound-toggle').getAttribute('data-chimes'))).toBeGreaterThanOrEqual(1);
    await expect.poll(() => kiosk.getByTestId('lane-notice').count()).toBe(1);
    await shot(station, 'station-help-call');

    await card.getByTestId('intervention-claim').click();
    await expect.poll(() => text(card.getByTestId('intervention-claimed'))).toMatch(/Anna/);
    await card.getByTestId('intervention-approve').click();
    await expect.poll(() => station.getByTestId('intervention').count()).toBe(0);
    await expect.poll(() => kiosk.getByTestId('lane-notice').count()).toBe(0);
    await expect.poll(() => tile('lane-1').getAttribute('data-state')).toBe('scanning');
    await shot(station, 'station-resolved');
    await shot(kiosk, 'station-kiosk-after-help');
  });

  it('opens a lane to its basket and history, and removes a line for the shopper', async () => {
    await tile('lane-1').click();
    const detail = station.getByTestId('lane-detail');
    await expect.poll(() => detail.getByTestId('detail-line').count()).toBe(1);
    await expect.poll(() => text(detail.getByTestId('history-events'))).toMatch(/\S/);
    await shot(station, 'station-lane-detail');

    const remove = detail.getByTestId('line-void');
    await remove.click();
    await remove.click(); // the second press confirms
    await expect.poll(() => detail.getByTestId('detail-line').count()).toBe(0);
    await expect.poll(() => kiosk.getByTestId('basket-line').count()).toBe(0);
  });

  it('resumes its session and watches every lane again after the hub drops its connection', async () => {
    await station.getByTestId('detail-back').click();
    for (const socket of await t.hub.io.in('stations').fetchSockets()) socket.disconnect(true);
    const input = kiosk.getByTestId('scan-input');
    await input.fill(MILK);
    await input.press('Enter');
    // Only a station that signed in again on the new connection and watches again sees the new basket.
    await expect.poll(() => text(tile('lane-1').getByTestId('lane-tile-total'))).toMatch(/12\.95/);
    await expect.poll(() => station.getByTestId('connection-status').getAttribute('data-status')).toBe('connected');
    expect(await station.getByTestId('signin').count()).toBe(0);
    await tile('lane-1').click();
  });

  it('comes back signed in to the same lane after a reload, and signs out', async () => {
    await station.reload();
    await expect.poll(() => station.getByTestId('lane-detail').getAttribute('data-lane-id')).toBe('lane-1');
    await expect.poll(() => text(station.getByTestId('station-staff'))).toMatch(/Anna/);

    await station.getByTestId('sign-out').click();
    await expect.poll(() => station.getByTestId('signin').isVisible()).toBe(true);
    await expect.poll(() => station.getByTestId('lane-tile').count()).toBe(0);
  });
});

describe('the manager view of the attendant station', () => {
  let manager: Page;

  it('adds a staff member whose one-time PIN signs them in', async () => {
    const mette = await t.hub.staff.create({ number: '9001', name: 'Mette', role: 'manager' });
    manager = await browser.context.newPage();
    await manager.goto(`${t.url}/display/?mode=staff&token=${TOKENS.station}&lang=en`);
    await manager.getByTestId('signin-identity').fill('9001');
    await manager.getByTestId('signin-pin').fill(mette.pin);
    await manager.getByTestId('signin-submit').click();
    await manager.getByTestId('nav-manager').click();
    await expect.poll(() => manager.getByTestId('staff-row').count()).toBe(2);

    await manager.getByTestId('new-staff-number').fill('1003');
    await manager.getByTestId('new-staff-name').fill('Ole');
    await manager.getByTestId('new-staff-role').selectOption('supervisor');
    await manager.getByTestId('new-staff-submit').click();
    const pin = await manager.getByTestId('one-time-secret-value').innerText();
    expect(pin).toMatch(/^\d{4,8}$/);
    await expect.poll(() => manager.getByTestId('staff-row').count()).toBe(3);
    await shot(manager, 'station-manager-staff');

    const lane = await t.client(TOKENS.kiosk2);
    sockets.push(lane);
    expect(await lane.emitWithAck('staff:signIn', { number: '1003', pin })).toMatchObject({ ok: true, data: { staff: { name: 'Ole', role: 'supervisor' } } });
  });

  it('makes a pairing code that an unpaired customer display pairs with', async () => {
    await manager.getByTestId('manager-tab-devices').click();
    await manager.getByTestId('new-device-kind').selectOption('display');
    await manager.getByTestId('new-device-lane').selectOption('lane-2');
    await manager.getByTestId('new-device-name').fill('Lane 2 display');
    await manager.getByTestId('new-device-submit').click();
    const code = await manager.getByTestId('pairing-code').getAttribute('data-code');
    expect(code).toMatch(/^\d{6}$/);
    await shot(manager, 'station-manager-pairing-code');

    const cfd = await browser.context.newPage();
    await cfd.goto(`${t.url}/display/?mode=lane&lane=lane-2`);
    await cfd.getByTestId('pair-code').fill(code!);
    await cfd.getByTestId('pair-submit').click();
    await expect.poll(() => text(cfd.getByTestId('connection-status'))).toMatch(/Forbundet|Connected/);
    await expect.poll(() => cfd.getByTestId('cfd-welcome').count()).toBe(1);
    await cfd.close();
  });

  it('shows the audit log with what just happened, and exports it as CSV', async () => {
    await manager.getByTestId('manager-tab-audit').click();
    await expect.poll(() => text(manager.getByTestId('audit-log'))).toMatch(/staff-created/);
    await shot(manager, 'station-manager-audit');
    const [download] = await Promise.all([manager.waitForEvent('download'), manager.getByTestId('audit-csv').click()]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(path, 'utf8')).toMatch(/staff-created/);
  });
});

describe('the attendant station with short staff timeouts', () => {
  let quick: TestHub;
  let page: Page;

  beforeAll(async () => {
    quick = await startTestHub({ config: { staff: { idleSignOutSeconds: 3, adminReauthSeconds: 1 } } });
  });
  afterAll(async () => {
    await quick?.close();
  });

  it('asks a manager for the PIN again before admin work after a pause, then goes on', async () => {
    const bent = await quick.hub.staff.create({ number: '9002', name: 'Bent', role: 'manager' });
    page = await browser.context.newPage();
    await page.goto(`${quick.url}/display/?mode=staff&token=${TOKENS.station}&lang=en`);
    await page.getByTestId('signin-identity').fill('9002');
    await page.getByTestId('signin-pin').fill(bent.pin);
    await page.getByTestId('signin-submit').click();
    await expect.poll(() => text(page.getByTestId('station-staff'))).toMatch(/Bent/);

    await page.waitForTimeout(1500);
    await page.getByTestId('nav-manager').click();
    await expect.poll(() => page.getByTestId('reauth').isVisible()).toBe(true);
    await shot(page, 'station-manager-reauth');
    await page.getByTestId('reauth-pin').fill(bent.pin);
    await page.getByTestId('reauth-submit').click();
    await expect.poll(() => page.getByTestId('staff-row').count()).toBe(1);
  });

  it('signs out after the idle time without input, and says why', async () => {
    await expect.poll(() => page.getByTestId('signin-notice').getAttribute('data-reason', { timeout: 500 }).catch(() => null), { timeout: 8000 }).toBe('idle');
    await shot(page, 'station-signed-out-idle');
  });
});
