/** Reading Epson's real-time status replies (DLE EOT n) into a PrinterStatus. */
import type { PrinterStatus } from './printer.js';

/** The three queries the driver sends: printer, offline cause, roll paper sensor. */
export const STATUS_QUERIES = [1, 2, 4] as const;

/** Bits 1 and 4 are always set and bits 0 and 7 always clear in a DLE EOT reply. */
export function isStatusByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

/**
 * n=1 bit 3: offline. n=2 bit 2: cover open; bit 5: stopped at paper end. n=4 bits 2–3: paper near
 * end; bits 5–6: paper end. The most specific cause wins, so staff are told what to fix.
 */
export function decodeStatus(printer: number, offlineCause: number, paper: number): PrinterStatus {
  const offline = (printer & 0x08) !== 0;
  const coverOpen = (offlineCause & 0x04) !== 0;
  const paperOut = (offlineCause & 0x20) !== 0 || (paper & 0x60) !== 0;
  const paperNearEnd = (paper & 0x0c) !== 0;
  const state = coverOpen ? 'cover-open' : paperOut ? 'paper-out' : offline ? 'offline' : 'ready';
  const hex = (b: number) => `0x${b.toString(16).padStart(2, '0')}`;
  const detail = `DLE EOT 1/2/4 = ${hex(printer)} ${hex(offlineCause)} ${hex(paper)}${paperNearEnd ? ', paper near end' : ''}`;
  return { state, paperNearEnd, detail };
}
