/** What a receipt is built from: the store, the sale as the hub priced it, and the terminal's answer. */
import type { Adjustment, Totals } from '../pricing/types.js';
import type { SnapshotLine } from '../protocol/snapshot.js';
import type { ReceiptLocale } from './format.js';

export interface ReceiptPayment {
  method: 'card' | 'cash' | 'other';
  /** Card brand as the terminal names it, e.g. "Dankort", "Visa". */
  brand?: string;
  /** As the terminal gives it, e.g. "**** **** **** 1234"; never more than 4 digits in clear. */
  maskedPan?: string;
  authCode?: string;
}

export interface ReceiptInput {
  store: { name: string; address: string; cvr: string };
  laneName: string;
  /** Printable ASCII: printed as a Code 128 barcode and as text for returns. */
  transactionId: string;
  transactionNumber: number;
  /** ISO instant of the sale. */
  time: string;
  /** IANA zone of the store, e.g. "Europe/Copenhagen". */
  timeZone: string;
  locale: ReceiptLocale;
  currency: string;
  lines: SnapshotLine[];
  adjustments: Adjustment[];
  totals: Totals;
  payment: ReceiptPayment;
  /** Characters per line; 48 (80 mm paper) unless said. */
  width?: number;
  /** A restaurant order: its number is printed big at the top, for the guest to listen for. */
  order?: { number: number; dining: 'eat-in' | 'take-away' | null };
}
