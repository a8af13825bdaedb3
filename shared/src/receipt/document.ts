/** The printer-independent receipt: a width in characters and a list of blocks any printer can render. */

export type ReceiptAlign = 'left' | 'center' | 'right';

export type ReceiptBlock =
  | { kind: 'text'; text: string; align?: ReceiptAlign; bold?: boolean; size?: 'normal' | 'double' }
  /** Left text and right-aligned amount; the left side wraps so the row never overflows. */
  | { kind: 'row'; left: string; right: string; bold?: boolean }
  | { kind: 'rule' }
  | { kind: 'qr'; data: string }
  /** Code 128; data is printable ASCII. */
  | { kind: 'barcode'; data: string }
  | { kind: 'feed'; lines: number };

export interface ReceiptDocument {
  /** Characters per line in the normal font: 48 on 80 mm paper, 32 on 58 mm. */
  width: number;
  blocks: ReceiptBlock[];
}

/** Why a receipt cannot be built. */
export type ReceiptErrorCode = 'card-number-unmasked' | 'invalid-transaction-id' | 'invalid-time' | 'invalid-width';

export class ReceiptError extends Error {
  constructor(
    readonly code: ReceiptErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReceiptError';
  }
}
