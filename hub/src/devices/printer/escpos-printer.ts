/** The real receipt printer driver: ESC/POS over TCP (Epson and compatibles) with node-thermal-printer. */
import iconv from 'iconv-lite';
import { CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { charsPerLine, layoutRow, wrapText, type ReceiptBlock, type ReceiptDocument } from '@selfserve/shared';
import { PrinterError, type PrinterFailure, type PrinterStatus, type ReceiptPrinter } from './printer.js';
import { decodeStatus, isStatusByte, STATUS_QUERIES } from './status-bits.js';

export interface EscPosPrinterOptions {
  host: string;
  port?: number;
  /** How long a silent printer is waited for, per connection. */
  timeoutMs?: number;
  /** Characters per line of the paper (48 on 80 mm); a wider document is laid out to this. */
  width?: number;
}

/** PC858 is PC850 with €: it carries æ, ø, å and € on Epson's numbering (ESC t 19). */
const CODE_PAGE = CharacterSet.PC858_EURO;
const ENCODING = 'cp858';

type StatusRead = { ok: true; status: PrinterStatus } | { ok: false; reason: 'unreachable' | 'timeout'; detail: string };

export class EscPosPrinter implements ReceiptPrinter {
  private readonly printer: ThermalPrinter;
  private readonly probe: ThermalPrinter;
  private readonly timeoutMs: number;
  private readonly width: number;
  /** One job at a time: the library keeps one buffer per instance. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: EscPosPrinterOptions) {
    this.timeoutMs = options.timeoutMs ?? 3000;
    this.width = options.width ?? 48;
    const config = {
      type: PrinterTypes.EPSON,
      interface: `tcp://${options.host}:${options.port ?? 9100}`,
      width: this.width,
      removeSpecialCharacters: false,
      options: { timeout: this.timeoutMs },
    };
    this.printer = new ThermalPrinter({ ...config, characterSet: CODE_PAGE });
    this.probe = new ThermalPrinter(config);
  }

  async status(): Promise<PrinterStatus> {
    const read = await this.serialized(() => this.readStatus());
    return read.ok ? read.status : { state: 'unreachable', paperNearEnd: false, detail: read.detail };
  }

  print(doc: ReceiptDocument): Promise<void> {
    return this.serialized(async () => {
      const read = await this.readStatus();
      if (!read.ok) throw new PrinterError(read.reason, read.detail);
      if (read.status.state !== 'ready') throw new PrinterError(read.status.state, read.status.detail);
      try {
        this.render(doc);
        // execute() alone only proves the bytes left us. A status query sent after the receipt, on the
        // same connection, is answered only if the printer got everything before it: a connection cut
        // mid-receipt (a pulled cable, a printer switched off) fails here and the job is printed again.
        this.printer.append(Buffer.from([0x10, 0x04, 1]));
        const reply: unknown = await this.withDeadline(this.printer.execute({ waitForResponse: true }));
        const byte = Buffer.isBuffer(reply) ? reply[0] : undefined;
        if (byte === undefined || !isStatusByte(byte)) throw new PrinterError('unreachable', 'the printer did not confirm the receipt');
      } catch (error) {
        if (error instanceof PrinterError || error instanceof RangeError) throw error;
        throw new PrinterError(failureOf(error), describe(error), { cause: error });
      } finally {
        // execute() keeps the buffer: without this the next receipt would reprint this one.
        this.printer.clear();
      }
    });
  }

  private render(doc: ReceiptDocument): void {
    const width = Math.min(doc.width, this.width);
    for (const block of doc.blocks) this.renderBlock(block, width);
    this.printer.cut();
    // cut() ends with ESC @, which resets the printer to code page 0 while the library still
    // believes PC858 is active.
    this.printer.setCharacterSet(CODE_PAGE);
  }

  private renderBlock(block: ReceiptBlock, width: number): void {
    const p = this.printer;
    switch (block.kind) {
      case 'text': {
        if (block.align === 'center') p.alignCenter();
        if (block.align === 'right') p.alignRight();
        if (block.bold) p.bold(true);
        if (block.size === 'double') p.setTextQuadArea();
        for (const line of wrapText(block.text, charsPerLine(width, block.size))) p.println(printable(line));
        if (block.size === 'double') p.setTextNormal();
        if (block.bold) p.bold(false);
        if (block.align && block.align !== 'left') p.alignLeft();
        return;
      }
      case 'row':
        // Our own padding to whole characters: tableCustom's fractional widths can overflow a line.
        if (block.bold) p.bold(true);
        for (const line of layoutRow(block.left, block.right, width)) p.println(printable(line));
        if (block.bold) p.bold(false);
        return;
      case 'rule':
        p.println('-'.repeat(width));
        return;
      case 'qr':
        p.alignCenter();
        p.printQR(ascii(block.data, 'QR'), { cellSize: 6, correction: 'M', model: 2 });
        p.alignLeft();
        return;
      case 'barcode': {
        // Code set B ("{B" is added by the library); a literal "{" is sent as "{{".
        const data = ascii(block.data, 'barcode').replaceAll('{', '{{');
        if (data.length > 253) throw new RangeError('a Code 128 barcode carries at most 253 characters');
        p.alignCenter();
        p.code128(data, { height: 80 });
        p.alignLeft();
        return;
      }
      case 'feed':
        for (let i = 0; i < block.lines; i++) p.newLine();
        return;
    }
  }

  private async readStatus(): Promise<StatusRead> {
    const replies: number[] = [];
    try {
      for (const n of STATUS_QUERIES) {
        this.probe.setBuffer(Buffer.from([0x10, 0x04, n]));
        const reply: unknown = await this.withDeadline(this.probe.execute({ waitForResponse: true }));
        const byte = Buffer.isBuffer(reply) ? reply[0] : undefined;
        if (byte === undefined || !isStatusByte(byte)) {
          return { ok: false, reason: 'unreachable', detail: `DLE EOT ${n} answered ${String(reply)}: not an ESC/POS printer` };
        }
        replies.push(byte);
      }
    } catch (error) {
      return { ok: false, reason: failureOf(error), detail: describe(error) };
    }
    const [printer = 0, offlineCause = 0, paper = 0] = replies;
    return { ok: true, status: decodeStatus(printer, offlineCause, paper) };
  }

  /**
   * The library's own timeout is the socket's idle timer, which stops when the peer closes without
   * answering; this deadline makes sure no call waits forever.
   */
  private withDeadline<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('Socket timeout')), this.timeoutMs + 250);
    });
    return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
  }

  private serialized<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function failureOf(error: unknown): Extract<PrinterFailure, 'unreachable' | 'timeout'> {
  return error instanceof Error && /timeout/i.test(error.message) ? 'timeout' : 'unreachable';
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${code}: ${error.message}` : error.message;
}

/**
 * Keeps the printer on one code page: control characters become spaces, letters PC858 lacks lose
 * their accents or become "?". Left to itself the library would silently switch code pages, and
 * clones number their pages differently.
 */
function printable(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')) {
    if (char <= '\u007e' || encodable(char)) out += char;
    else {
      const plain = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += plain.length === 1 && encodable(plain) ? plain : '?';
    }
  }
  return out;
}

function encodable(char: string): boolean {
  return iconv.decode(iconv.encode(char, ENCODING), ENCODING) === char;
}

function ascii(data: string, what: string): string {
  if (!/^[\x20-\x7e]+$/.test(data)) throw new RangeError(`${what} data must be printable ASCII`);
  return data;
}
