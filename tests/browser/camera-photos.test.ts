// Real photos of barcodes (ZXing's test images, tests/fixtures/barcode-photos) shown to the kiosk's camera.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CAMERA_FLAGS, launchBrowser, type Browser } from '../helpers/browser.js';
import { fixturePhoto, makeFakeCameraY4M } from '../helpers/camera.js';
import { product, testCatalog } from '../helpers/catalog.js';
import { startTestHub, TOKENS, type TestHub } from '../helpers/hub.js';

let dir: string;
let t: TestHub | undefined;
let browser: Browser | undefined;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'selfserve-photos-'));
});
afterEach(async () => {
  await browser?.close();
  await t?.close();
  browser = t = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The products in the photos, so the hub sells what the camera reads. */
function catalogWithPhotoProducts() {
  const catalog = testCatalog();
  catalog.products.push(
    product({ id: 'photo-ean13', gtins: ['8480000823274'], price: 1500 }),
    product({ id: 'photo-isbn', gtins: ['9780345348036'], price: 9900 }),
    product({ id: 'photo-upca', gtins: ['027011006951'], price: 2000 }),
    product({ id: 'photo-databar', gtins: ['90012345678908'], unit: 'kg', price: 10000 }),
  );
  return catalog;
}

async function showPhoto(set: string, name: string) {
  const photo = fixturePhoto(set, name);
  const video = await makeFakeCameraY4M(photo.png, join(dir, `${set}-${name}.y4m`));
  t = await startTestHub({ catalog: catalogWithPhotoProducts() });
  browser = await launchBrowser([...CAMERA_FLAGS, `--use-file-for-fake-video-capture=${video}`]);
  const kiosk = await browser.context.newPage();
  await kiosk.goto(`${t.url}/kiosk/?token=${TOKENS.kiosk1}`);
  await kiosk.getByTestId('camera-toggle').click();
  await expect.poll(() => kiosk.getByTestId('basket-line').count(), { timeout: 10_000 }).toBe(1);
  const ack = await (await t.client(TOKENS.cfd1)).emitWithAck('lane:sync', {});
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.data.lines[0]!;
}

describe('photos of real barcodes through the kiosk camera', () => {
  it.each([
    ['ean13-1', '3', 'photo-ean13'],
    ['ean13-2', '08', 'photo-isbn'],
    ['upca-1', '10', 'photo-upca'],
  ])('a photo of a product code (%s/%s) adds its product', async (set, name, productId) => {
    expect(await showPhoto(set, name)).toMatchObject({ productId, quantity: 1 });
  });

  it('a photographed GS1 DataBar Expanded label carries its weight to the line', async () => {
    expect(await showPhoto('rssexpanded-1', '2')).toMatchObject({ productId: 'photo-databar', weightGrams: 1750, paidPrice: 17500 });
  });
});
