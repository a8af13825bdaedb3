// Continuous barcode decoding from the kiosk's camera; the zxing decoder loads only when a camera starts.
import type { IScannerControls } from '@zxing/browser';

/** Why the camera could not start or stopped, as the shopper is told. */
export type CameraErrorKind = 'denied' | 'no-camera' | 'in-use' | 'unsupported' | 'failed';

export class CameraError extends Error {
  constructor(
    readonly kind: CameraErrorKind,
    cause?: unknown,
  ) {
    super(`camera ${kind}`, { cause });
    this.name = 'CameraError';
  }
}

/** The browser's getUserMedia error names (and old Chromium aliases) by what they mean for the shopper. */
const KIND_BY_NAME: Record<string, CameraErrorKind> = {
  NotAllowedError: 'denied',
  PermissionDeniedError: 'denied',
  SecurityError: 'denied',
  NotFoundError: 'no-camera',
  DevicesNotFoundError: 'no-camera',
  OverconstrainedError: 'no-camera',
  NotReadableError: 'in-use',
  TrackStartError: 'in-use',
  AbortError: 'in-use',
};

export function cameraErrorKind(error: unknown): CameraErrorKind {
  if (error instanceof CameraError) return error.kind;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  return KIND_BY_NAME[name] ?? 'failed';
}

export interface CameraSession {
  /** Stops decoding and releases the camera (its light goes out). */
  stop(): void;
}

export interface CameraHandlers {
  /** Every decoded text, once per frame while a code is in view: the caller de-duplicates. */
  onDecode(text: string): void;
  /** The decode loop ended by itself (e.g. the camera was unplugged). */
  onFailure(kind: CameraErrorKind): void;
}

// Delays of zxing's loop: a quick retry while nothing is found, and no long pause after a find, so a
// code held in view keeps being seen and the de-duplicator can tell it never left.
const READER_OPTIONS = { delayBetweenScanAttempts: 100, delayBetweenScanSuccess: 150, tryPlayVideoTimeout: 5000 };

type ZxingLibrary = typeof import('@zxing/library');

/**
 * The readers for our formats, tried in turn on each frame, like zxing's MultiFormatReader but quiet:
 * in @zxing/library 0.23 that one console.warns each reader's NotFoundException (its exceptions do
 * not extend ReaderException), three warnings per frame without a code. Built once per page, since
 * building the 1D reader with RSS_EXPANDED warns once that it is "not ready for production".
 */
let decoder: ((bitmap: import('@zxing/library').BinaryBitmap) => import('@zxing/library').Result) | null = null;

function quietDecoder(lib: ZxingLibrary) {
  const F = lib.BarcodeFormat;
  // Only the kinds printed on goods, labels and our QR codes; no TRY_HARDER key (its mere presence turns it on).
  const formats = [F.EAN_13, F.EAN_8, F.UPC_A, F.UPC_E, F.CODE_128, F.QR_CODE, F.RSS_14, F.RSS_EXPANDED, F.DATA_MATRIX];
  const hints = new Map<import('@zxing/library').DecodeHintType, unknown>([[lib.DecodeHintType.POSSIBLE_FORMATS, formats]]);
  const readers = [new lib.MultiFormatOneDReader(hints), new lib.QRCodeReader(), new lib.DataMatrixReader()];
  return (bitmap: import('@zxing/library').BinaryBitmap) => {
    for (const reader of readers) {
      try {
        return reader.decode(bitmap, hints);
      } catch {
        // This reader found nothing; as in MultiFormatReader, the next one gets its chance.
      }
    }
    throw new lib.NotFoundException();
  };
}

async function loadReader() {
  const [{ BrowserMultiFormatReader }, lib] = await Promise.all([import('@zxing/browser'), import('@zxing/library')]);
  const decode = (decoder ??= quietDecoder(lib));
  class QuietReader extends BrowserMultiFormatReader {
    override decodeBitmap(bitmap: import('@zxing/library').BinaryBitmap) {
      return decode(bitmap);
    }
  }
  // Empty hints: the base class's own MultiFormatReader is never used, and so is built without warnings.
  const reader = new QuietReader(new Map(), READER_OPTIONS);
  // A frame without a readable code throws one of these and the loop goes on; anything else ends the loop.
  const isRetry = (e: unknown) =>
    e instanceof lib.NotFoundException || e instanceof lib.ChecksumException || e instanceof lib.FormatException;
  return { reader, isRetry };
}

/**
 * Opens the camera (the back one where there is a choice), shows it in `video` and decodes continuously.
 * Rejects with a CameraError when the camera cannot be used.
 */
export async function startCamera(video: HTMLVideoElement, handlers: CameraHandlers): Promise<CameraSession> {
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraError('unsupported');
  let loaded: Awaited<ReturnType<typeof loadReader>>;
  try {
    loaded = await loadReader();
  } catch (e) {
    throw new CameraError('failed', e);
  }
  const { reader, isRetry } = loaded;
  let controls: IScannerControls;
  try {
    // No width or height: a camera's own size avoids rescaling, which can spoil fine 1D and DataBar bars.
    controls = await reader.decodeFromConstraints(
      { video: { facingMode: { ideal: 'environment' } }, audio: false },
      video,
      (result, error) => {
        if (result) handlers.onDecode(result.getText());
        else if (error && !isRetry(error)) handlers.onFailure(cameraErrorKind(error));
      },
    );
  } catch (e) {
    throw new CameraError(cameraErrorKind(e), e);
  }
  return { stop: () => controls.stop() };
}
