// Images for Chromium's fake camera (ported from tests/helpers/camera.ts, which plain node cannot import):
// a small PNG decoder to RGBA and a one-frame Y4M writer (Chromium loops the frame).
import { writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import bwipjs from 'bwip-js';

const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }; // grey, RGB, palette, grey+alpha, RGBA

/**
 * Decodes a non-interlaced PNG of any colour type and bit depth (what the ZXing photos and bwip-js use:
 * RGB, RGBA, grey, and 1- or 8-bit palettes, with tRNS) to 8-bit RGBA.
 * @returns {{ width: number, height: number, rgba: Uint8Array }}
 */
export function decodePng(png) {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let width = 0, height = 0, depth = 0, colour = 0, channels = 0;
  let palette = null;
  let trns = null;
  const idat = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      [depth, colour] = [data[8], data[9]];
      channels = CHANNELS[colour] ?? 0;
      if (!channels || data[12] !== 0) throw new Error(`unsupported PNG: colour ${colour}, interlace ${data[12]}`);
    } else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') trns = data;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const bpp = Math.max(1, (channels * depth) >> 3); // bytes per pixel for the filters
  const stride = Math.ceil((width * channels * depth) / 8);
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = rows.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? rows.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? row[i - bpp] : 0;
      const b = prev[i];
      const c = i >= bpp ? prev[i - bpp] : 0;
      row[i] = (src[i] + unfilter(filter, a, b, c)) & 0xff;
    }
  }
  // Sample n of a row (sample = one channel of one pixel), scaled to 0…255 (palette indices unscaled).
  const maxSample = (1 << depth) - 1;
  const sample = (row, n) => {
    if (depth === 8) return rows[row * stride + n];
    if (depth === 16) return rows[row * stride + 2 * n];
    const bit = n * depth;
    return (rows[row * stride + (bit >> 3)] >> (8 - depth - (bit & 7))) & maxSample;
  };
  const scale = (v) => (depth === 16 || depth === 8 ? v : Math.round((v * 255) / maxSample));
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const n = x * channels;
      if (colour === 3) {
        const idx = sample(y, n);
        rgba[o] = palette[idx * 3];
        rgba[o + 1] = palette[idx * 3 + 1];
        rgba[o + 2] = palette[idx * 3 + 2];
        rgba[o + 3] = trns && idx < trns.length ? trns[idx] : 255;
      } else if (colour === 0 || colour === 4) {
        const g = scale(sample(y, n));
        rgba[o] = rgba[o + 1] = rgba[o + 2] = g;
        rgba[o + 3] = colour === 4 ? scale(sample(y, n + 1)) : 255;
      } else {
        for (let c = 0; c < 3; c++) rgba[o + c] = scale(sample(y, n + c));
        rgba[o + 3] = colour === 6 ? scale(sample(y, n + 3)) : 255;
      }
    }
  }
  return { width, height, rgba };
}

/** The amount PNG filter `type` adds back, from the left (a), upper (b) and upper-left (c) bytes. */
function unfilter(type, a, b, c) {
  switch (type) {
    case 0:
      return 0;
    case 1:
      return a;
    case 2:
      return b;
    case 3:
      return (a + b) >> 1;
    case 4: {
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
    default:
      throw new Error(`bad PNG filter ${type}`);
  }
}

/** The image's pixels as opaque RGB, transparent parts counted as white paper. */
export function flattenOnWhite({ width, height, rgba }) {
  const rgb = new Uint8Array(width * height * 3);
  for (let p = 0; p < width * height; p++) {
    const alpha = rgba[p * 4 + 3];
    for (let c = 0; c < 3; c++) rgb[p * 3 + c] = Math.round((rgba[p * 4 + c] * alpha + 255 * (255 - alpha)) / 255);
  }
  return { width, height, rgb };
}

/** A barcode as a PNG; bwip-js computes a missing EAN/UPC check digit. For QR, leave out `height`. */
export function renderBarcode(spec) {
  return bwipjs.toBuffer({ includetext: false, ...spec });
}

const even = (n) => n + (n & 1);

/** The fake camera's frame for an image: at least 640×480, at least the image, even width and height. */
export function frameSizeFor(image) {
  return { width: Math.max(640, even(image.width)), height: Math.max(480, even(image.height)) };
}

/**
 * Writes a one-frame Y4M (4:2:0, BT.601 studio range) with the PNG centred, unscaled, and returns its frame
 * size. Colour is kept (a real camera sees colour too). `background` fills the rest of the frame: 'white'
 * (paper, for rendered codes) or 'mean' (the image's average colour, for photos smaller than the frame: a
 * white border is a bright band on every row, which shifts zxing's per-row 1D threshold — its
 * GlobalHistogramBinarizer row — enough that no ean13-2 photo, 480×360 in a 640×480 frame, decodes).
 */
export function writeFakeCameraY4M(png, file, size, { background = 'white' } = {}) {
  const image = flattenOnWhite(decodePng(png));
  const { width, height } = size ?? frameSizeFor(image);
  if (width % 2 || height % 2) throw new Error('4:2:0 video needs an even width and height');
  if (image.width > width || image.height > height) throw new Error(`image ${image.width}×${image.height} does not fit ${width}×${height}`);
  const fill = [255, 255, 255];
  if (background === 'mean') {
    const sum = [0, 0, 0];
    for (let i = 0; i < image.rgb.length; i++) sum[i % 3] += image.rgb[i];
    for (let c = 0; c < 3; c++) fill[c] = Math.round(sum[c] / (image.width * image.height));
  }
  const rgb = new Uint8Array(width * height * 3);
  for (let p = 0; p < width * height; p++) rgb.set(fill, p * 3);
  const left = (width - image.width) >> 1;
  const top = (height - image.height) >> 1;
  for (let y = 0; y < image.height; y++) {
    rgb.set(image.rgb.subarray(y * image.width * 3, (y + 1) * image.width * 3), ((top + y) * width + left) * 3);
  }
  const luma = Buffer.alloc(width * height);
  const u = Buffer.alloc((width / 2) * (height / 2));
  const v = Buffer.alloc((width / 2) * (height / 2));
  for (let p = 0; p < width * height; p++) {
    const [r, g, b] = [rgb[p * 3] / 255, rgb[p * 3 + 1] / 255, rgb[p * 3 + 2] / 255];
    luma[p] = Math.round(16 + 65.481 * r + 128.553 * g + 24.966 * b);
  }
  for (let y = 0; y < height / 2; y++) {
    for (let x = 0; x < width / 2; x++) {
      let cb = 0, cr = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
        const p = (2 * y + dy) * width + 2 * x + dx;
        const [r, g, b] = [rgb[p * 3] / 255, rgb[p * 3 + 1] / 255, rgb[p * 3 + 2] / 255];
        cb += 128 - 37.797 * r - 74.203 * g + 112 * b;
        cr += 128 + 112 * r - 93.786 * g - 18.214 * b;
      }
      u[y * (width / 2) + x] = Math.round(cb / 4);
      v[y * (width / 2) + x] = Math.round(cr / 4);
    }
  }
  const header = `YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\nFRAME\n`;
  writeFileSync(file, Buffer.concat([Buffer.from(header, 'ascii'), luma, u, v]));
  return { width, height };
}
