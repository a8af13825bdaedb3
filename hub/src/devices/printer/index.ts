/** Receipt printers: the interface, the ESC/POS driver, and the TCP simulator that decodes what it prints. */
export { PRINTER_MESSAGES, PrinterError } from './printer.js';
export type { PrinterFailure, PrinterStatus, ReceiptPrinter } from './printer.js';
export { EscPosPrinter } from './escpos-printer.js';
export type { EscPosPrinterOptions } from './escpos-printer.js';
export { decodeStatus } from './status-bits.js';
export { EscPosDecoder } from './escpos-decoder.js';
export type { DecodedReceipt, DecoderEvent } from './escpos-decoder.js';
export { startPrinterSimulator, statusReply } from './simulator.js';
export type { PrinterSimulator, PrinterSimulatorOptions, SimulatedPrinterState } from './simulator.js';
