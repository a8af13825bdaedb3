/** Fake-camera fixtures for Chromium: a barcode drawn by bwip-js, or a photo, as a one-frame Y4M video. */
import { readFileSync } from 'node:fs';
import { renderBarcode, writeFakeCameraY4M } from '../../bench/y4m.mjs';

/** What bwip-js should draw, e.g. `{ bcid: 'ean13', text: '570000000001', scale: 3 }`. */
export type BarcodeSpec = { bcid: string; text: string; scale: number } & Record<string, unknown>;

/**
 * Writes a one-frame Y4M (Chromium loops it) and returns `file`. A rendered barcode sits on white paper
 * in a 640×480 frame (draw it at whole-pixel module widths, narrower than the frame); a photo is centred
 * unscaled on its own average colour, in a frame at least its size (a white border would shift zxing's
 * row thresholds; see bench/y4m.mjs).
 */
export async function makeFakeCameraY4M(source: Buffer | BarcodeSpec, file: string, size?: { width: number; height: number }): Promise<string> {
  if (Buffer.isBuffer(source)) writeFakeCameraY4M(source, file, size, { background: 'mean' });
  else writeFakeCameraY4M(await renderBarcode(source), file, size ?? { width: 640, height: 480 }, { background: 'white' });
  return file;
}

/** A photo from tests/fixtures/barcode-photos with the text it holds. */
export function fixturePhoto(set: string, name: string): { png: Buffer; text: string } {
  const base = new URL(`../fixtures/barcode-photos/${set}/${name}`, import.meta.url);
  return { png: readFileSync(new URL(`${base.href}.png`)), text: readFileSync(new URL(`${base.href}.txt`), 'utf8').trim() };
}
