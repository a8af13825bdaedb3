/**
 * A receipt printer on a TCP port: answers Epson's real-time status queries for the state it is told
 * to be in and decodes what it is sent back into text, so tests and the demo can read each receipt.
 * Run alone: `node hub/dist/devices/printer/simulator.js --port 9100`.
 */
import { closeServer, listen, listenArgs } from '../tcp-simulator.js';
import { createServer, type Socket } from 'node:net';
import { pathToFileURL } from 'node:url';
import { EscPosDecoder, type DecodedReceipt } from './escpos-decoder.js';

export type { DecodedReceipt } from './escpos-decoder.js';

export type SimulatedPrinterState = 'ready' | 'offline' | 'cover-open' | 'paper-out' | 'paper-near-end';

export interface PrinterSimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
}

export interface PrinterSimulator {
  port: number;
  /** Every receipt printed so far, oldest first. */
  receipts: DecodedReceipt[];
  setState(state: SimulatedPrinterState): void;
  /** The next connection that sends more than `afterBytes` is cut there, mid-receipt (a pulled cable). */
  dropNextJob(afterBytes?: number): void;
  /** Calls the listener for each receipt as it is cut; returns a function that stops it. */
  onReceipt(listener: (receipt: DecodedReceipt) => void): () => void;
  close(): Promise<void>;
}

/**
 * The byte an Epson answers to DLE EOT n in each state. Bits 1 and 4 are always set. n=1 bit 3:
 * offline. n=2 bit 2: cover open, bit 5: stopped by paper end. n=4 bits 2–3: near end, 5–6: paper end.
 */
export function statusReply(state: SimulatedPrinterState, n: number): number {
  const fixed = 0x12;
  const stopped = state === 'offline' || state === 'cover-open' || state === 'paper-out';
  switch (n) {
    case 1:
      return fixed | (stopped ? 0x08 : 0);
    case 2:
      return fixed | (state === 'cover-open' ? 0x04 : 0) | (state === 'paper-out' ? 0x20 : 0);
    case 4:
      return fixed | (state === 'paper-out' ? 0x6c : state === 'paper-near-end' ? 0x0c : 0);
    default:
      return fixed;
  }
}

/** GS r 1 (the library's getStatus): bits 0–1 near end, bits 2–3 paper end. */
function paperStatusReply(state: SimulatedPrinterState): number {
  return state === 'paper-out' ? 0x0f : state === 'paper-near-end' ? 0x03 : 0x00;
}

export async function startPrinterSimulator(options: PrinterSimulatorOptions = {}): Promise<PrinterSimulator> {
  let state: SimulatedPrinterState = 'ready';
  const receipts: DecodedReceipt[] = [];
  const listeners = new Set<(receipt: DecodedReceipt) => void>();
  const sockets = new Set<Socket>();
  // One decoder for the printer: its code page outlives a connection, as a real printer's does.
  const decoder = new EscPosDecoder();
  let dropAfter: number | null = null;

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let received = 0;
    socket.on('data', (data) => {
      let chunk = data;
      received += chunk.length;
      const cut = dropAfter !== null && received > dropAfter;
      if (cut) chunk = chunk.subarray(0, Math.max(0, chunk.length - (received - dropAfter!)));
      decoder.printing = state === 'ready' || state === 'paper-near-end';
      for (const event of decoder.push(chunk)) {
        if (event.kind === 'status-query') socket.write(Buffer.from([statusReply(state, event.n)]));
        else if (event.kind === 'paper-status-query') socket.write(Buffer.from([paperStatusReply(state)]));
        else {
          receipts.push(event.receipt);
          for (const listener of listeners) listener(event.receipt);
        }
      }
      if (cut) {
        dropAfter = null;
        socket.destroy();
      }
    });
  });

  const port = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');

  return {
    port,
    receipts,
    setState: (next) => {
      state = next;
    },
    dropNextJob: (afterBytes = 200) => {
      dropAfter = afterBytes;
    },
    onReceipt: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => closeServer(server, sockets),
  };
}

async function main(args: string[]): Promise<void> {
  const { port, host } = listenArgs(args, 9100);
  const printer = await startPrinterSimulator({ port, host });
  console.log(`Printer simulator (ESC/POS) listening on tcp://${host}:${printer.port}`);
  printer.onReceipt((receipt) => {
    console.log(`\n===== receipt ${receipt.receivedAt} (${receipt.codePage}) =====\n${receipt.text}\n===== cut =====`);
  });
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
