// Debian's Chromium through playwright-core with a fresh profile and a fake camera filming one Y4M file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** How Chromium must start on these machines (no sandbox as root, no background network calls). */
export const BROWSER_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fake camera without a permission prompt; add `--use-file-for-fake-video-capture=FILE`. */
export const CAMERA_FLAGS = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];

const FLAGS = [...BROWSER_FLAGS, ...CAMERA_FLAGS];

/**
 * Launches Chromium whose fake camera films `y4m` (fixed at launch: one browser per video), opens the bench
 * page at `pageUrl`, starts the camera and waits until `done(bench)` holds or `timeoutMs` has passed.
 * Resolves with the page's window.bench. `profile`: a profile folder to reuse (its HTTP cache spares reloading
 * the ~240 unbundled zxing modules, about 1 s per launch); without it a fresh one is made and removed.
 */
export async function filmWithCamera(pageUrl, y4m, { size, timeoutMs, until = 'first', expected, profile: reuse } = {}) {
  const profile = reuse ?? mkdtempSync(join(tmpdir(), 'selfserve-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...FLAGS, `--use-file-for-fake-video-capture=${y4m}`],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(pageUrl);
    await page.waitForFunction(() => typeof window.startScan === 'function');
    await page.evaluate((s) => window.startScan(s), size ?? null);
    try {
      await page.waitForFunction(
        ([u, e]) => window.bench.error !== null || (u === 'first' ? window.bench.first !== null : e in window.bench.texts),
        [until, expected],
        { timeout: timeoutMs, polling: 20 },
      );
    } catch {
      // Timed out: the caller reads what the page saw.
    }
    return await page.evaluate(() => window.bench);
  } finally {
    await context.close();
    if (!reuse) rmSync(profile, { recursive: true, force: true });
  }
}
