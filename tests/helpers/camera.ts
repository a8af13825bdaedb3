/** Fake-camera fixtures: a barcode drawn by bwip-js, written as a one-frame Y4M video for Chromium's fake camera. */
import { writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import bwipjs from 'bwip-js';

export interface Grey {
  width: number;
  height: number;
  /** One luminance byte (0 black … 255 white) per pixel, row by row. */
  pixels: Uint8Array;
}

/** What bwip-js should draw, e.g. `{ bcid: 'ean13', text: '570000000001', scale: 3 }`. */
export type BarcodeSpec = { bcid: string; text: string; scale: number } & Record<string, unknown>;

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 }; // grey, RGB, grey+alpha, RGBA

/**
 * Decodes an 8-bit, non-interlaced, non-palette PNG (what bwip-js writes) to grey.
 * Transparent pixels count as white paper.
 */
export function decodePng(png: Buffer): Grey {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colour, , , interlace] = [data[8], data[9], data[10], data[11], data[12]];
      channels = CHANNELS[colour!] ?? 0;
      if (depth !== 8 || !channels || interlace !== 0) throw new Error(`unsupported PNG: depth ${depth}, colour ${colour}, interlace ${interlace}`);
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = rows.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? rows.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? row[i - channels]! : 0;
      const b = prev[i]!;
      const c = i >= channels ? prev[i - channels]! : 0;
      row[i] = (src[i]! + unfilter(filter!, a, b, c)) & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height);
  for (let p = 0; p < width * height; p++) {
    const px = rows.subarray(p * channels, (p + 1) * channels);
    const lum = channels >= 3 ? Math.round(0.299 * px[0]! + 0.587 * px[1]! + 0.114 * px[2]!) : px[0]!;
    const alpha = channels === 2 ? px[1]! : channels === 4 ? px[3]! : 255;
    pixels[p] = Math.round((lum * alpha + 255 * (255 - alpha)) / 255);
  }
  return { width, height, pixels };
}

/** The amount PNG filter `type` adds back, from the left (a), upper (b) and upper-left (c) bytes. */
function unfilter(type: number, a: number, b: number, c: number): number {
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

/** A barcode as a PNG; bwip-js computes a missing EAN/UPC check digit. */
export function renderBarcode(spec: BarcodeSpec): Promise<Buffer> {
  return bwipjs.toBuffer({ includetext: false, ...spec } as Parameters<typeof bwipjs.toBuffer>[0]);
}

/**
 * Writes a one-frame Y4M (Chromium loops it) with the barcode centred on white paper, and returns `file`.
 * Pixels are not scaled: draw at whole-pixel module widths, narrower than the frame.
 */
export async function makeFakeCameraY4M(
  source: Buffer | BarcodeSpec,
  file: string,
  { width = 640, height = 480 }: { width?: number; height?: number } = {},
): Promise<string> {
  if (width % 2 || height % 2) throw new Error('4:2:0 video needs an even width and height');
  const code = decodePng(Buffer.isBuffer(source) ? source : await renderBarcode(source));
  if (code.width > width || code.height > height) throw new Error(`barcode ${code.width}×${code.height} does not fit ${width}×${height}`);
  const luma = Buffer.alloc(width * height, 235); // Y of white
  const left = (width - code.width) >> 1;
  const top = (height - code.height) >> 1;
  for (let y = 0; y < code.height; y++) {
    for (let x = 0; x < code.width; x++) {
      luma[(top + y) * width + left + x] = 16 + Math.round((219 * code.pixels[y * code.width + x]!) / 255);
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128); // U then V: no colour
  const header = `YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\nFRAME\n`;
  writeFileSync(file, Buffer.concat([Buffer.from(header, 'ascii'), luma, chroma]));
  return file;
}
