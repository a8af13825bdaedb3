// Real photos (ZXing's blackbox test images, kept outside the repository in ../shared/fixtures/barcode-photos):
// how many the kiosk's decoder reads from the still image in Node, and how many through Chromium's camera path.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import zxing from '@zxing/library';
import { filmWithCamera } from './chromium.mjs';
import { startStaticServer } from './static-server.mjs';
import { decodePng, flattenOnWhite, frameSizeFor, writeFakeCameraY4M } from './y4m.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const PHOTOS = process.env.BENCH_PHOTOS_DIR ?? join(ROOT, '..', 'shared', 'fixtures', 'barcode-photos');
const CAMERA_SECONDS = Number(process.env.BENCH_PHOTOS_SECONDS ?? 360); // cap of the camera part
const PARALLEL = Number(process.env.BENCH_PHOTOS_PARALLEL ?? 2);
const READ_WITHIN_MS = 3000;
const SETS = ['ean13-1', 'ean13-2', 'upca-1', 'qrcode-1', 'rssexpanded-1'];

/** Texts compare with line ends normalised: QR codes 16–20 hold CRLF, which MANIFEST.json gives as LF. */
const normalise = (text) => text.replace(/\r\n/g, '\n');

/** Every photo of the sets, with its expected text (N.txt, else MANIFEST.json), sets interleaved. */
function listPhotos() {
  const manifest = JSON.parse(readFileSync(join(PHOTOS, 'MANIFEST.json'), 'utf8'));
  const perSet = SETS.filter((set) => manifest.sets[set]).map((set) =>
    manifest.sets[set].items.map((item) => {
      const txt = join(PHOTOS, set, item.image.replace(/\.png$/, '.txt'));
      // DataBar Expanded: the .txt is already in bracketed AI form, which is what zxing returns.
      const expected = normalise(existsSync(txt) ? readFileSync(txt, 'utf8') : item.expected);
      return { set, image: item.image, file: join(PHOTOS, set, item.image), width: item.width, height: item.height, expected };
    }),
  );
  // Round robin over the sets, so that a capped camera run still covers every set.
  const photos = [];
  for (let i = 0; perSet.some((s) => i < s.length); i++) for (const s of perSet) if (i < s.length) photos.push(s[i]);
  return photos;
}

/** The kiosk's formats (kiosk/src/scanner/camera.ts); no TRY_HARDER key. */
function stillDecoder() {
  const F = zxing.BarcodeFormat;
  const formats = [F.EAN_13, F.EAN_8, F.UPC_A, F.UPC_E, F.CODE_128, F.QR_CODE, F.RSS_14, F.RSS_EXPANDED, F.DATA_MATRIX];
  const reader = new zxing.MultiFormatReader();
  hushed(() => reader.setHints(new Map([[zxing.DecodeHintType.POSSIBLE_FORMATS, formats]]))); // "RSS Expanded … not ready"
  return (png) => {
    const image = flattenOnWhite(decodePng(png));
    const argb = new Int32Array(image.width * image.height);
    for (let p = 0; p < argb.length; p++) argb[p] = (0xff << 24) | (image.rgb[p * 3] << 16) | (image.rgb[p * 3 + 1] << 8) | image.rgb[p * 3 + 2];
    const bitmap = new zxing.BinaryBitmap(new zxing.HybridBinarizer(new zxing.RGBLuminanceSource(argb, image.width, image.height)));
    // MultiFormatReader console.warns every reader's miss in @zxing/library 0.23.
    return hushed(() => {
      try {
        return normalise(reader.decodeWithState(bitmap).getText());
      } catch {
        return null;
      }
    });
  };
}

function hushed(fn) {
  const warn = console.warn;
  console.warn = () => {};
  try {
    return fn();
  } finally {
    console.warn = warn;
  }
}

async function filmPhotos(photos) {
  const dir = mkdtempSync(join(tmpdir(), 'selfserve-bench-photos-'));
  const server = await startStaticServer();
  const deadline = Date.now() + CAMERA_SECONDS * 1000;
  const queue = [...photos];
  let capped = false;
  const worker = async (w) => {
    const profile = join(dir, `profile-${w}`); // reused by this worker's launches: its HTTP cache keeps the zxing modules
    for (let photo; (photo = queue.shift()); ) {
      if (Date.now() > deadline) {
        capped = true;
        queue.length = 0;
        return;
      }
      const video = join(dir, `${w}.y4m`);
      const size = writeFakeCameraY4M(readFileSync(photo.file), video, frameSizeFor(photo), { background: 'mean' });
      const b = await filmWithCamera(`${server.url}/`, video, { size, timeoutMs: READ_WITHIN_MS + 500, until: 'expected', expected: photo.expected, profile });
      const at = Object.entries(b.texts).find(([text]) => normalise(text) === photo.expected)?.[1];
      photo.camera = at !== undefined && at <= READ_WITHIN_MS;
      photo.cameraMs = at;
      photo.cameraTexts = Object.keys(b.texts);
      photo.video = b.video;
      photo.cameraError = b.error;
      if (b.error) console.warn(`${photo.set}/${photo.image}: ${b.error}`);
    }
  };
  try {
    await Promise.all(Array.from({ length: PARALLEL }, (_, w) => worker(w)));
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return capped;
}

export async function runPhotos() {
  if (!existsSync(join(PHOTOS, 'MANIFEST.json'))) return { absent: true };
  const photos = listPhotos();
  const decode = stillDecoder();
  const started = Date.now();
  for (const photo of photos) {
    const text = decode(readFileSync(photo.file));
    photo.still = text === photo.expected;
    photo.stillText = text;
  }
  const stillSeconds = (Date.now() - started) / 1000;
  const cameraStarted = Date.now();
  const capped = await filmPhotos(photos);
  const cameraSeconds = (Date.now() - cameraStarted) / 1000;
  const sets = SETS.map((set) => {
    const all = photos.filter((p) => p.set === set);
    const measured = all.filter((p) => p.camera !== undefined);
    return {
      set,
      images: all.length,
      measured: measured.length,
      stillsAll: all.filter((p) => p.still).length,
      stills: measured.filter((p) => p.still).length,
      camera: measured.filter((p) => p.camera).length,
      cameraOnly: measured.filter((p) => p.camera && !p.still).map((p) => p.image),
      stillOnly: measured.filter((p) => p.still && !p.camera).map((p) => p.image),
      wrong: measured.filter((p) => p.cameraTexts.some((t) => normalise(t) !== p.expected)).map((p) => `${p.image} (${p.cameraTexts.join(' / ')})`),
    };
  });
  for (const s of sets) console.log(`photos ${s.set}: stills ${s.stills}/${s.measured}, camera ${s.camera}/${s.measured}`);
  return { absent: false, sets, capped, stillSeconds, cameraSeconds, photos };
}

const pct = (n, d) => (d ? `${Math.round((100 * n) / d)} %` : 'n/a');
const ratio = (a, b) => (b ? (a / b).toFixed(2) : 'n/a');

export function photosMarkdown(r) {
  if (r.absent) {
    return `## Real photos: camera path vs still image

Skipped: the photo folder \`${relative(ROOT, PHOTOS)}\` (ZXing's blackbox test images, outside the
repository) is not on this machine. Set \`BENCH_PHOTOS_DIR\` to point elsewhere.
`;
  }
  const t = r.sets.reduce(
    (a, s) => ({ images: a.images + s.images, measured: a.measured + s.measured, stills: a.stills + s.stills, camera: a.camera + s.camera }),
    { images: 0, measured: 0, stills: 0, camera: 0 },
  );
  const row = (name, s) =>
    `| ${name} | ${s.measured}${s.measured < s.images ? ` of ${s.images}` : ''} | ${s.stills} (${pct(s.stills, s.measured)}) | ${s.camera} (${pct(s.camera, s.measured)}) | ${ratio(s.camera, s.stills)} |`;
  const notes = r.sets
    .filter((s) => s.cameraOnly.length || s.stillOnly.length || s.wrong.length)
    .map(
      (s) =>
        `- ${s.set}: ${[
          s.stillOnly.length && `read from the still only: ${s.stillOnly.join(', ')}`,
          s.cameraOnly.length && `read by the camera only: ${s.cameraOnly.join(', ')}`,
          s.wrong.length && `camera decoded a wrong text: ${s.wrong.join('; ')}`,
        ]
          .filter(Boolean)
          .join('; ')}`,
    );
  return `## Real photos: camera path vs still image

ZXing's blackbox test images (\`../shared/fixtures/barcode-photos\`, Apache 2.0, the ZXing authors), each
decoded twice with the kiosk's formats and no TRY_HARDER: **still** — the PNG in Node with @zxing/library
(MultiFormatReader, RGBLuminanceSource, HybridBinarizer); **camera** — a one-frame Y4M of the photo
(unscaled, centred in a frame of at least 640×480 and at least the photo, the rest of the frame filled
with the photo's mean colour, getUserMedia asked for that size) filmed by Chromium's fake camera for the
bench page, read if the expected text is decoded within
${READ_WITHIN_MS / 1000} s of starting the camera. One Chromium per photo (the fake camera's file is fixed at launch), ${PARALLEL} at a time.
Expected texts from \`N.txt\` (DataBar Expanded in bracketed AI form, as zxing returns it), line ends
normalised (QR 16–20 hold CRLF; MANIFEST.json gives LF). Why the mean colour and not white paper around
the smaller photos: with a white border no ean13-2 photo (480×360) decoded, from the camera or from the
still padded the same way in Node (0 of 28; upca-1 fell from 14 to 10 of 21) — the 1D readers threshold each
row by its own histogram (HybridBinarizer keeps GlobalHistogramBinarizer's row method), and a bright band
pushes dim bars and paper to the same side. The kiosk meets this too: a lamp or white shelf edge in the
rows of a 1D code. The camera reads a few photos the still does not (ratios above 1): the padding moves
those row thresholds too, and the browser turns colour into grey differently (BT.601 weights after a
4:2:0 YUV round trip, where RGBLuminanceSource takes (R + 2G + B) / 4).

| set | photos | still read | camera read | camera ÷ still |
| --- | ---: | ---: | ---: | ---: |
${r.sets.map((s) => row(s.set, s)).join('\n')}
| **all** | ${t.measured}${t.measured < t.images ? ` of ${t.images}` : ''} | ${t.stills} (${pct(t.stills, t.measured)}) | ${t.camera} (${pct(t.camera, t.measured)}) | **${ratio(t.camera, t.stills)}** |

Target: camera ÷ still ≥ 0.9 — ${t.stills && t.camera / t.stills >= 0.9 ? 'met' : 'NOT met'} overall; per set: ${r.sets.map((s) => `${s.set} ${s.stills ? (s.camera / s.stills >= 0.9 ? 'met' : 'NOT met') : 'n/a'}`).join(', ')}.
${r.capped ? `The camera part hit its ${CAMERA_SECONDS} s cap: ${t.measured} of ${t.images} photos measured (sets interleaved; the still counts above are over the same photos).\n` : ''}Stills took ${r.stillSeconds.toFixed(1)} s in all; the camera part ${r.cameraSeconds.toFixed(0)} s.
${notes.length ? `\n${notes.join('\n')}\n` : ''}`;
}
