import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLA } from '../helpers/catalog.js';
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

describe('the customer display', () => {
  it('shows the running campaigns while the lane waits, and greets an identified member by name', async () => {
    const cfd = await browser.context.newPage();
    await cfd.goto(`${t.url}/display/?mode=lane&token=${TOKENS.cfd1}`);
    await expect.poll(() => cfd.getByTestId('cfd-offer').innerText()).toMatch(/Cola 3 for 2/);
    const kiosk = await t.client(TOKENS.kiosk1);
    await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code: COLA });
    await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code: 'LOY10000001' });
    await expect.poll(() => cfd.getByTestId('cfd-greeting').innerText()).toMatch(/Hej Test Member/);
    expect(await cfd.getByTestId('cfd-line').count()).toBe(1);
  });

  it('rebuilds the current basket from the hub after a reload, without its token in the address', async () => {
    const cfd = await browser.context.newPage();
    await cfd.goto(`${t.url}/display/?mode=lane`);
    await expect.poll(() => cfd.getByTestId('cfd-line').count()).toBe(1);
  });
});
