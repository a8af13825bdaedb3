// The kiosk camera in real Chromium: a fake camera films one barcode, and the lane gets exactly one line for it.
/// <reference lib="dom" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LaneSnapshot } from '@selfserve/shared';
import { CAMERA_FLAGS, launchBrowser, type Browser } from '../helpers/browser.js';
import { type BarcodeSpec, makeFakeCameraY4M } from '../helpers/camera.js';
import { COLA, MILK } from '../helpers/catalog.js';
import { startTestHub, TOKENS, type TestHub } from '../helpers/hub.js';

const SCREENSHOT = join(import.meta.dirname, '../../test-results/screenshots/kiosk-camera.png');

let dir: string;
let t: TestHub | undefined;
let browser: Browser | undefined;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'selfserve-camera-'));
});
afterEach(async () => {
  await browser?.close();
  await t?.close();
  browser = t = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface CameraLane {
  kiosk: Page;
  cfd: Page;
  /** Milliseconds from the click to a running camera (decoder chunk loaded, stream playing). */
  startMs: number;
  /** Milliseconds from a running camera to the first line on the kiosk (decode and hub round trip). */
  decodeMs: number;
  /** The kiosk's console errors and warnings. */
  console: string[];
  snapshot(): Promise<LaneSnapshot>;
}

/** Times, in the page, the click → camera on → first basket line. */
const timeCameraStart = (kiosk: Page) =>
  kiosk.evaluate(
    () =>
      new Promise<{ startMs: number; decodeMs: number }>((resolve, reject) => {
        const clicked = performance.now();
        let on = 0;
        const check = () => {
          if (!on && document.querySelector('[data-testid="camera"][data-state="on"]')) on = performance.now();
          if (on && document.querySelector('[data-testid="basket-line"]')) {
            observer.disconnect();
            resolve({ startMs: Math.round(on - clicked), decodeMs: Math.round(performance.now() - on) });
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        setTimeout(() => reject(new Error('no line within 10 s of starting the camera')), 10_000);
        document.querySelector<HTMLButtonElement>('[data-testid="camera-toggle"]')!.click();
      }),
  );

/** A fresh hub and a Chromium whose fake camera films `spec`; the kiosk's camera is switched on. */
async function showToCamera(name: string, spec: BarcodeSpec): Promise<CameraLane> {
  const video = await makeFakeCameraY4M(spec, join(dir, `${name}.y4m`));
  t = await startTestHub();
  // The fake camera's file is fixed at launch: one browser per code.
  browser = await launchBrowser([...CAMERA_FLAGS, `--use-file-for-fake-video-capture=${video}`]);
  const cfd = await browser.context.newPage();
  await cfd.goto(`${t.url}/display/?mode=lane&token=${TOKENS.cfd1}`);
  const kiosk = await browser.context.newPage();
  const console: string[] = [];
  kiosk.on('console', (m) => {
    if (m.type() !== 'error' && m.type() !== 'warning') return;
    // zxing says once per page that its DataBar Expanded reader is "not ready for production"; the hub has no favicon.
    if (/RSS Expanded reader/.test(m.text()) || m.location().url.endsWith('/favicon.ico')) return;
    console.push(`${m.text()} ${m.location().url}`);
  });
  await kiosk.goto(`${t.url}/kiosk/?token=${TOKENS.kiosk1}`);
  await kiosk.getByTestId('scan-input').waitFor();
  const timing = await timeCameraStart(kiosk);
  const reader = await t.client(TOKENS.cfd1);
  return {
    kiosk,
    cfd,
    ...timing,
    console,
    async snapshot() {
      const ack = await reader.emitWithAck('lane:sync', {});
      if (!ack.ok) throw new Error(ack.error.message);
      return ack.data;
    },
  };
}

/** Keeps the code in view ~2 s, then checks the lane still has exactly one line of one item. */
async function expectOneLineAfterHolding(lane: CameraLane): Promise<LaneSnapshot> {
  await lane.kiosk.waitForTimeout(2000);
  expect(await lane.kiosk.getByTestId('camera').getAttribute('data-state')).toBe('on');
  expect(await lane.kiosk.getByTestId('basket-line').count()).toBe(1);
  const snap = await lane.snapshot();
  expect(snap.lines).toHaveLength(1);
  expect(snap.lines[0]!.quantity).toBe(1);
  await expect.poll(() => lane.cfd.getByTestId('cfd-line').count()).toBe(1);
  expect(lane.console).toEqual([]);
  return snap;
}

describe('scanning with the kiosk camera (Chromium fake camera)', () => {
  it('an EAN-13 held in front of the camera adds one line, on the kiosk and the customer display', async () => {
    const lane = await showToCamera('milk', { bcid: 'ean13', text: MILK, scale: 3 });
    const snap = await expectOneLineAfterHolding(lane);
    expect(snap.lines[0]).toMatchObject({ productId: 'milk', code: MILK });
    await expect.poll(() => lane.cfd.getByTestId('cfd-line').innerText()).toMatch(/Letmælk/);
    await lane.kiosk.screenshot({ path: SCREENSHOT });

    // Switched off, the camera is released and the code in view no longer scans.
    const track = await lane.kiosk.evaluateHandle(
      () => (document.querySelector('video')!.srcObject as MediaStream).getVideoTracks()[0]!,
    );
    await lane.kiosk.getByTestId('camera-toggle').click();
    await expect.poll(() => track.evaluate((tr) => tr.readyState)).toBe('ended');
    expect(await lane.kiosk.getByTestId('camera').getAttribute('data-state')).toBe('off');
    console.info(`EAN-13: camera on after ${lane.startMs} ms, first line ${lane.decodeMs} ms later`);
  });

  it('a Danish weight label (26…) read by the camera adds the weighed item once', async () => {
    const lane = await showToCamera('cheese', { bcid: 'ean13', text: '2623570001505', scale: 3 });
    const snap = await expectOneLineAfterHolding(lane);
    expect(snap.lines[0]).toMatchObject({ productId: 'cheese-deli', code: '2623570001505', weightGrams: 150 });
    // 150 g at 140,00 kr/kg
    await expect.poll(() => lane.cfd.getByTestId('cfd-line').innerText()).toMatch(/21,00/);
    console.info(`weight label: camera on after ${lane.startMs} ms, first line ${lane.decodeMs} ms later`);
  });

  it('a GS1 Digital Link QR code adds the product of its GTIN once', async () => {
    const link = `https://id.gs1.org/01/0${COLA}`;
    const lane = await showToCamera('cola-qr', { bcid: 'qrcode', text: link, scale: 6 });
    const snap = await expectOneLineAfterHolding(lane);
    expect(snap.lines[0]).toMatchObject({ productId: 'cola', code: link });
    console.info(`Digital Link QR: camera on after ${lane.startMs} ms, first line ${lane.decodeMs} ms later`);
  });

  it('a GS1 DataBar Expanded code is passed on as zxing reads it, bracketed, and adds its GTIN once', async () => {
    const text = `(01)0${MILK}`;
    const lane = await showToCamera('milk-databar', { bcid: 'databarexpanded', text, scale: 3 });
    const snap = await expectOneLineAfterHolding(lane);
    expect(snap.lines[0]).toMatchObject({ productId: 'milk', code: text });
    console.info(`DataBar Expanded: camera on after ${lane.startMs} ms, first line ${lane.decodeMs} ms later`);
  });

  it('a camera the browser may not use is explained, and typing a code still works', async () => {
    t = await startTestHub();
    browser = await launchBrowser(['--use-fake-device-for-media-stream', '--deny-permission-prompts']);
    const kiosk = await browser.context.newPage();
    await kiosk.goto(`${t.url}/kiosk/?token=${TOKENS.kiosk1}`);
    await kiosk.getByTestId('camera-toggle').click();
    await expect.poll(() => kiosk.getByTestId('camera-error').getAttribute('data-kind')).toBe('denied');
    expect(await kiosk.getByTestId('camera-error').innerText()).toMatch(/adgang/);
    expect(await kiosk.getByTestId('camera').getAttribute('data-state')).toBe('off');
    const input = kiosk.getByTestId('scan-input');
    await input.fill(MILK);
    await input.press('Enter');
    await expect.poll(() => kiosk.getByTestId('basket-line').count()).toBe(1);
  });
});
