// Camera start → first decode, as the kiosk does it: BrowserMultiFormatReader with the kiosk's formats
// as POSSIBLE_FORMATS (no TRY_HARDER key) and the kiosk's scan-loop delays. The bench calls
// window.startScan() once the page has loaded and reads window.bench.
import { BrowserMultiFormatReader } from '@zxing/browser';
import { BarcodeFormat as F, DecodeHintType } from '@zxing/library';

const formats = [F.EAN_13, F.EAN_8, F.UPC_A, F.UPC_E, F.CODE_128, F.QR_CODE, F.RSS_14, F.RSS_EXPANDED, F.DATA_MATRIX];
const hints = new Map([[DecodeHintType.POSSIBLE_FORMATS, formats]]);
// kiosk/src/scanner/camera.ts READER_OPTIONS (zxing's defaults wait 500 ms between attempts)
const options = { delayBetweenScanAttempts: 100, delayBetweenScanSuccess: 150, tryPlayVideoTimeout: 5000 };

const bench = {
  /** performance.now() at the decodeFromVideoDevice / decodeFromConstraints call */
  start: null,
  /** when the video element started playing the camera (its first 'playing' event) */
  videoPlaying: null,
  /** when the call resolved (zxing has already tried the first frame by then) */
  playing: null,
  /** the first decoded result */
  first: null,
  text: null,
  format: null,
  /** every distinct text decoded, with the time it was first seen */
  texts: {},
  attempts: 0,
  video: null,
  error: null,
};
window.bench = bench;

/** Starts the camera. `size` ({width, height}) asks getUserMedia for that frame size (DataBar must not be scaled). */
window.startScan = async (size) => {
  const reader = new BrowserMultiFormatReader(hints, options);
  const video = document.querySelector('video');
  video.addEventListener('playing', () => (bench.videoPlaying ??= performance.now()), { once: true });
  const onResult = (result) => {
    bench.attempts++;
    if (!result) return;
    const now = performance.now();
    const text = result.getText();
    if (bench.first === null) {
      bench.first = now;
      bench.text = text;
      bench.format = F[result.getBarcodeFormat()];
    }
    bench.texts[text] ??= now - bench.start;
  };
  bench.start = performance.now();
  try {
    window.controls = size
      ? await reader.decodeFromConstraints(
          { video: { width: { ideal: size.width }, height: { ideal: size.height } }, audio: false },
          video,
          onResult,
        )
      : await reader.decodeFromVideoDevice(undefined, video, onResult);
    bench.playing = performance.now();
    bench.video = { width: video.videoWidth, height: video.videoHeight };
  } catch (e) {
    bench.error = `${e?.name}: ${e?.message}`;
  }
};
