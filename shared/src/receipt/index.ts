/** Public API of receipt: a printer-independent receipt document, its builder and its layout. */
export { buildReceipt, DEFAULT_RECEIPT_WIDTH } from './build.js';
export { assertMaskedPan, MAX_CLEAR_DIGITS } from './card.js';
export { ReceiptError } from './document.js';
export type { ReceiptAlign, ReceiptBlock, ReceiptDocument, ReceiptErrorCode } from './document.js';
export { currencySymbol, formatAmount, formatDateTime, formatKilograms, formatRate } from './format.js';
export type { ReceiptLocale } from './format.js';
export type { ReceiptInput, ReceiptPayment } from './input.js';
export { receiptLabels } from './labels.js';
export type { ReceiptLabels } from './labels.js';
export { charsPerLine, layoutRow, receiptToText, wrapText } from './layout.js';
export { buildKitchenTicket, buildOrderTicket } from './order-ticket.js';
export type { KitchenTicketInput, OrderTicketInput } from './order-ticket.js';
export { buildRefundSlip } from './refund-slip.js';
export type { RefundSlipInput } from './refund-slip.js';
