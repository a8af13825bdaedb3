/**
 * ESC/POS back to text, for the printer simulator: follows the code page (ESC t, ESC @), skips the
 * arguments of the commands node-thermal-printer sends, and turns barcodes and QR codes into lines.
 */
import iconv from 'iconv-lite';

export interface DecodedReceipt {
  /** Printed lines joined by \n; a barcode or QR code is a line "[BARCODE data]" or "[QR data]". */
  text: string;
  /** Code pages the text was printed in, e.g. "cp858" (comma-separated if it changed). */
  codePage: string;
  barcodes: string[];
  qrs: string[];
  receivedAt: string;
}

export type DecoderEvent =
  | { kind: 'status-query'; n: number }
  | { kind: 'paper-status-query' }
  | { kind: 'receipt'; receipt: DecodedReceipt };

/** Epson's ESC t numbering for the pages we can decode; clones differ. */
const CODE_PAGES: Record<number, string> = { 0: 'cp437', 2: 'cp850', 5: 'cp865', 16: 'cp1252', 19: 'cp858' };

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;

export class EscPosDecoder {
  /** When false (offline, cover open, no paper) status queries are still answered but nothing prints. */
  printing = true;
  private pending: Buffer = Buffer.alloc(0);
  private codePage = 0;
  private lines: string[] = [];
  private line = '';
  private pages = new Set<string>();
  private barcodes: string[] = [];
  private qrs: string[] = [];
  private qrStore = '';
  private events: DecoderEvent[] = [];

  /** Feeds bytes as they arrive; a command split across chunks waits for its remaining bytes. */
  push(chunk: Buffer): DecoderEvent[] {
    const buf = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    let i = 0;
    while (i < buf.length) {
      const size = this.step(buf, i);
      if (size === null) break;
      i += size;
    }
    this.pending = buf.subarray(i);
    const events = this.events;
    this.events = [];
    return events;
  }

  /** Handles the command or text run at i; returns its length, or null when more bytes are needed. */
  private step(buf: Buffer, i: number): number | null {
    const byte = buf[i] ?? 0;
    if (byte >= 0x20) return this.text(buf, i);
    const need = (n: number) => i + n <= buf.length;
    const at = (k: number) => buf[i + k] ?? 0;
    switch (byte) {
      case 0x0a:
      case 0x0c:
        this.endLine();
        return 1;
      case DLE:
        if (!need(3)) return null;
        if (at(1) === 0x04) this.events.push({ kind: 'status-query', n: at(2) });
        return at(1) === 0x14 ? (need(5) ? 5 : null) : 3;
      case ESC:
        return need(2) ? this.esc(buf, i) : null;
      case GS:
        return need(2) ? this.gs(buf, i) : null;
      case FS:
        return need(2) ? (at(1) === 0x70 ? 4 : 2) : null;
      default:
        return 1; // CR, HT and other controls print nothing
    }
  }

  private text(buf: Buffer, i: number): number {
    let end = i;
    while (end < buf.length && (buf[end] ?? 0) >= 0x20) end++;
    const page = CODE_PAGES[this.codePage] ?? 'cp437';
    if (this.printing) {
      this.line += iconv.decode(buf.subarray(i, end), page);
      this.pages.add(CODE_PAGES[this.codePage] ?? `page-${this.codePage}`);
    }
    return end - i;
  }

  private esc(buf: Buffer, i: number): number | null {
    const command = String.fromCharCode(buf[i + 1] ?? 0);
    const arg = buf[i + 2];
    switch (command) {
      case '@': // initialise: the code page goes back to 0
        this.codePage = 0;
        return 2;
      case '2':
        return 2;
      case 't':
        if (arg === undefined) return null;
        this.codePage = arg;
        return 3;
      case 'd': // print and feed n lines
        if (arg === undefined) return null;
        if (this.line !== '') this.endLine();
        for (let k = 0; k < arg; k++) this.endLine();
        return 3;
      case 'B':
        return i + 4 <= buf.length ? 4 : null;
      case 'p':
        return i + 5 <= buf.length ? 5 : null;
      case 'D': {
        const nul = buf.indexOf(0, i + 2);
        return nul < 0 ? null : nul - i + 1;
      }
      default: // ESC ! E a - M { 3 J R = and the like: one argument byte
        return arg === undefined ? null : 3;
    }
  }

  private gs(buf: Buffer, i: number): number | null {
    const command = String.fromCharCode(buf[i + 1] ?? 0);
    const need = (n: number) => i + n <= buf.length;
    switch (command) {
      case 'V': {
        if (!need(3)) return null;
        const withFeed = [65, 66, 97, 98, 103, 104].includes(buf[i + 2] ?? 0);
        if (withFeed && !need(4)) return null;
        this.cut();
        return withFeed ? 4 : 3;
      }
      case 'k':
        return this.barcode(buf, i);
      case '(': {
        if (!need(5)) return null;
        const size = 5 + (buf[i + 3] ?? 0) + (buf[i + 4] ?? 0) * 256;
        if (!need(size)) return null;
        if (buf[i + 2] === 0x6b && buf[i + 5] === 0x31) this.qr(buf[i + 6] ?? 0, buf.subarray(i + 8, i + size));
        return size;
      }
      case 'v': {
        if (!need(8)) return null;
        const bytes = ((buf[i + 4] ?? 0) + (buf[i + 5] ?? 0) * 256) * ((buf[i + 6] ?? 0) + (buf[i + 7] ?? 0) * 256);
        if (!need(8 + bytes)) return null;
        this.block('[IMAGE]');
        return 8 + bytes;
      }
      case 'r':
        if (!need(3)) return null;
        this.events.push({ kind: 'paper-status-query' });
        return 3;
      case 'L':
      case 'W':
      case 'P':
        return need(4) ? 4 : null;
      default: // GS ! B H f w h | and the like: one argument byte
        return need(3) ? 3 : null;
    }
  }

  /** GS k m: m 0–6 is NUL-terminated data, m 65–79 has a length byte; CODE128 (73) starts with "{B". */
  private barcode(buf: Buffer, i: number): number | null {
    const m = buf[i + 2];
    if (m === undefined) return null;
    let data: Buffer;
    let size: number;
    if (m <= 6) {
      const nul = buf.indexOf(0, i + 3);
      if (nul < 0) return null;
      data = buf.subarray(i + 3, nul);
      size = nul - i + 1;
    } else {
      const n = buf[i + 3];
      if (n === undefined || i + 4 + n > buf.length) return null;
      data = buf.subarray(i + 4, i + 4 + n);
      size = 4 + n;
    }
    let text = data.toString('latin1');
    if (m === 73) text = text.replace(/^\{[ABC]/, '').replaceAll('{{', '{');
    if (this.printing) this.barcodes.push(text);
    this.block(`[BARCODE ${text}]`);
    return size;
  }

  /** GS ( k with cn 49: fn 80 stores the data, fn 81 prints what was stored. */
  private qr(fn: number, data: Buffer): void {
    if (fn === 0x50) this.qrStore = data.toString('latin1');
    if (fn === 0x51) {
      if (this.printing) this.qrs.push(this.qrStore);
      this.block(`[QR ${this.qrStore}]`);
    }
  }

  private block(text: string): void {
    if (!this.printing) return;
    if (this.line !== '') this.endLine();
    this.lines.push(text);
  }

  private endLine(): void {
    if (this.printing) this.lines.push(this.line);
    this.line = '';
  }

  /** A cut ends a receipt; a cut of blank paper records nothing. */
  private cut(): void {
    if (this.line !== '') this.endLine();
    const lines = [...this.lines];
    while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop();
    if (this.printing && lines.length > 0) {
      const receipt: DecodedReceipt = {
        text: lines.join('\n'),
        codePage: [...this.pages].join(',') || (CODE_PAGES[this.codePage] ?? `page-${this.codePage}`),
        barcodes: this.barcodes,
        qrs: this.qrs,
        receivedAt: new Date().toISOString(),
      };
      this.events.push({ kind: 'receipt', receipt });
    }
    this.lines = [];
    this.pages = new Set();
    this.barcodes = [];
    this.qrs = [];
  }
}
