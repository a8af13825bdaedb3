/** The ESC/POS driver against the printer simulator over real TCP on loopback. */
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReceipt, type ReceiptDocument, type ReceiptInput } from '@selfserve/shared';
import {
  EscPosPrinter,
  PrinterError,
  startPrinterSimulator,
  type PrinterSimulator,
} from '../../hub/src/devices/printer/index.js';

function sale(overrides: Partial<ReceiptInput> = {}): ReceiptInput {
  const each = { code: '5700000000000', requiredAge: null, priceOverridden: false, unit: 'each' as const, memberPrice: false, vatRate: 2500 };
  return {
    store: { name: 'Købmand Ærø', address: 'Søndergade 5, 5970 Ærøskøbing', cvr: '12345678' },
    laneName: 'Kasse 3',
    transactionId: 'S-20250305-0042',
    transactionNumber: 42,
    time: '2025-03-05T13:32:00Z',
    timeZone: 'Europe/Copenhagen',
    locale: 'da-DK',
    currency: 'DKK',
    lines: [
      { ...each, lineId: 'l1', productId: 'p1', name: { da: 'Blåbærgrød' }, quantity: 3, unitPrice: 2495, grossPrice: 7485, discounts: [{ campaignId: 'c1', amount: 2495 }], paidPrice: 4990 },
      { ...each, lineId: 'l2', productId: 'p2', name: { da: 'Gavekort 10 €' }, quantity: 1, unitPrice: 7500, grossPrice: 7500, discounts: [], paidPrice: 7500 },
    ],
    adjustments: [{ campaignId: 'c1', kind: 'multibuy', name: { da: 'Tag 3 betal for 2' }, amount: 2495, allocations: [{ lineId: 'l1', amount: 2495 }] }],
    totals: { currency: 'DKK', gross: 14985, discount: 2495, total: 12490, vat: [{ rate: 2500, gross: 12490, vat: 2498, net: 9992 }], itemCount: 4 },
    payment: { method: 'card', brand: 'Dankort', maskedPan: '**** **** **** 1234' },
    ...overrides,
  };
}

/** Resolves with the next receipt the simulator cuts. */
function nextReceipt(printer: PrinterSimulator) {
  return new Promise<PrinterSimulator['receipts'][number]>((resolve) => {
    const stop = printer.onReceipt((receipt) => {
      stop();
      resolve(receipt);
    });
  });
}

let simulator: PrinterSimulator;
beforeEach(async () => {
  simulator = await startPrinterSimulator({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  await simulator.close();
});

const driver = (port = simulator.port, timeoutMs = 1000) => new EscPosPrinter({ host: '127.0.0.1', port, timeoutMs });

describe('printing a receipt on an ESC/POS printer', () => {
  it('prints the store, æøå and € as written, the discounts, VAT, total and the return barcode', async () => {
    const printed = nextReceipt(simulator);
    await driver().print(buildReceipt(sale()));
    const receipt = await printed;
    expect(receipt.codePage).toBe('cp858');
    expect(receipt.text).toContain('Købmand Ærø');
    expect(receipt.text).toContain('CVR-nr. 12345678');
    expect(receipt.text).toMatch(/^Blåbærgrød$/m);
    expect(receipt.text).toMatch(/^ {2}3 × 24,95 kr\. +74,85$/m);
    expect(receipt.text).toMatch(/^ {2}Tag 3 betal for 2 +-24,95$/m);
    expect(receipt.text).toMatch(/^Gavekort 10 € +75,00$/m);
    expect(receipt.text).toMatch(/^I ALT DKK +124,90$/m);
    expect(receipt.text).toMatch(/^Moms 25 % \(netto 99,92\) +24,98$/m);
    expect(receipt.text).toContain('**** **** **** 1234');
    expect(receipt.barcodes).toEqual(['S-20250305-0042']);
    expect(receipt.text).toContain('[BARCODE S-20250305-0042]');
    for (const line of receipt.text.split('\n').filter((l) => !l.startsWith('['))) expect(line.length).toBeLessThanOrEqual(48);
  });

  it('prints each receipt once: the second print does not repeat the first', async () => {
    const printer = driver();
    await printer.print(buildReceipt(sale({ transactionId: 'FIRST-1', transactionNumber: 1 })));
    await printer.print(buildReceipt(sale({ transactionId: 'SECOND-2', transactionNumber: 2 })));
    await expect.poll(() => simulator.receipts.length).toBe(2);
    const [first, second] = simulator.receipts;
    expect(first?.barcodes).toEqual(['FIRST-1']);
    expect(second?.barcodes).toEqual(['SECOND-2']);
    expect(second?.text).not.toContain('FIRST-1');
    expect(second?.text.match(/Købmand Ærø/g)).toHaveLength(1);
    // The code page is set again after each cut's ESC @, so the second receipt keeps its æøå too.
    expect(second?.codePage).toBe('cp858');
    expect(second?.text).toContain('Blåbærgrød');
  });

  it('prints QR codes and double-size text from any document', async () => {
    const doc: ReceiptDocument = {
      width: 48,
      blocks: [
        { kind: 'text', text: 'Åbent hus', size: 'double', bold: true, align: 'center' },
        { kind: 'qr', data: 'https://example.dk/r/S-1' },
        { kind: 'feed', lines: 2 },
        { kind: 'row', left: 'Pris', right: '5,00 €' },
      ],
    };
    const printed = nextReceipt(simulator);
    await driver().print(doc);
    const receipt = await printed;
    expect(receipt.qrs).toEqual(['https://example.dk/r/S-1']);
    expect(receipt.text.split('\n')).toEqual(['Åbent hus', '[QR https://example.dk/r/S-1]', '', '', `Pris${' '.repeat(38)}5,00 €`]);
  });

  it('an empty connection (a connectivity check) records nothing', async () => {
    const printer = driver();
    await printer.status();
    expect(simulator.receipts).toEqual([]);
  });
});

describe('reading the printer status', () => {
  it.each([
    ['ready', 'ready', false],
    ['offline', 'offline', false],
    ['cover-open', 'cover-open', false],
    ['paper-out', 'paper-out', true],
    ['paper-near-end', 'ready', true],
  ] as const)('a printer that is %s reads as %s', async (state, expected, nearEnd) => {
    simulator.setState(state);
    const status = await driver().status();
    expect(status.state).toBe(expected);
    expect(status.paperNearEnd).toBe(nearEnd);
  });

  it('an unreachable printer (a closed port) is reported quickly, not after the timeout', async () => {
    const port = simulator.port;
    await simulator.close();
    simulator = await startPrinterSimulator({ port: 0 }); // for afterEach
    const printer = driver(port, 5000);
    const started = Date.now();
    expect((await printer.status()).state).toBe('unreachable');
    const error = await printer.print(buildReceipt(sale())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrinterError);
    expect((error as PrinterError).reason).toBe('unreachable');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('a printer that cannot print is explained, and nothing is sent', () => {
  it.each(['paper-out', 'cover-open', 'offline'] as const)('print refuses with the reason when the printer is %s', async (state) => {
    simulator.setState(state);
    const error = await driver().print(buildReceipt(sale())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrinterError);
    expect((error as PrinterError).reason).toBe(state);
    expect((error as PrinterError).da).toMatch(/printer/i);
    expect((error as PrinterError).en).toMatch(/printer/i);
    simulator.setState('ready');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(simulator.receipts).toEqual([]);
  });

  it('paper out is told to staff in Danish and English', async () => {
    simulator.setState('paper-out');
    const error = (await driver().print(buildReceipt(sale())).catch((e: unknown) => e)) as PrinterError;
    expect(error.da).toBe('Printeren mangler papir. Sæt en ny papirrulle i.');
    expect(error.en).toBe('The printer is out of paper. Put in a new paper roll.');
  });

  it('the next receipt after a refusal prints alone, once the printer is fixed', async () => {
    const printer = driver();
    simulator.setState('cover-open');
    await expect(printer.print(buildReceipt(sale({ transactionId: 'REFUSED-1' })))).rejects.toThrow(PrinterError);
    simulator.setState('ready');
    const printed = nextReceipt(simulator);
    await printer.print(buildReceipt(sale({ transactionId: 'PRINTED-2' })));
    const receipt = await printed;
    expect(receipt.barcodes).toEqual(['PRINTED-2']);
    expect(simulator.receipts).toHaveLength(1);
  });
});

describe('a printer that never answers', () => {
  let silent: Server;
  let port = 0;
  const held = new Set<Socket>();
  beforeEach(async () => {
    silent = createServer((socket) => {
      held.add(socket); // accepts, reads, never answers
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterEach(async () => {
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('times out with reason timeout within the configured timeout', async () => {
    const printer = driver(port, 300);
    const started = Date.now();
    const error = await printer.print(buildReceipt(sale())).catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(PrinterError);
    expect((error as PrinterError).reason).toBe('timeout');
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(900);
  });

  it('reads as unreachable when asked for its status', async () => {
    const status = await driver(port, 300).status();
    expect(status.state).toBe('unreachable');
    expect(status.detail).toMatch(/timeout/i);
  });
});

describe('a peer that hangs up without answering', () => {
  it('is not waited on forever (the library alone would never settle)', async () => {
    const rude = createServer((socket) => socket.resume().end()); // reads, then hangs up in silence
    await new Promise<void>((resolve) => rude.listen(0, '127.0.0.1', resolve));
    const address = rude.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const started = Date.now();
      const error = await driver(port, 300).print(buildReceipt(sale())).catch((e: unknown) => e);
      expect((error as PrinterError).reason).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      await new Promise((resolve) => rude.close(resolve));
    }
  });
});
