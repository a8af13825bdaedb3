/** The refund slip: what was returned from which sale, the amount given back and how, for the customer and the books. */
import type { LocalizedText } from '../catalog/schema.js';
import { DEFAULT_RECEIPT_WIDTH } from './build.js';
import type { ReceiptBlock, ReceiptDocument } from './document.js';
import { formatAmount, formatDateTime, type ReceiptLocale } from './format.js';

export interface RefundSlipInput {
  store: { name: string; address: string; cvr: string };
  refundNumber: number;
  saleId: string;
  saleNumber: number;
  time: string;
  timeZone: string;
  locale: ReceiptLocale;
  currency: string;
  lines: Array<{ name: LocalizedText; quantity: number }>;
  amount: number;
  deposit: number;
  method: 'card' | 'cash';
  /** The card as the terminal masked it, last four digits at most. */
  card?: string;
  width?: number;
}

const T = {
  'da-DK': { title: 'RETURBON', refund: 'Retur nr.', sale: 'Købt på bon', amount: 'TILBAGEBETALT', deposit: 'heraf pant', card: 'Til kort', cash: 'Kontant udbetalt', sign: 'Underskrift' },
  'en-GB': { title: 'REFUND', refund: 'Refund no.', sale: 'Sale', amount: 'REFUNDED', deposit: 'of which deposit', card: 'To card', cash: 'Paid out in cash', sign: 'Signature' },
} as const;

export function buildRefundSlip(input: RefundSlipInput): ReceiptDocument {
  const t = T[input.locale];
  const amount = (minor: number) => formatAmount(minor, input.currency, input.locale);
  const name = (n: LocalizedText) => (input.locale === 'da-DK' ? n.da : (n.en ?? n.da));
  const blocks: ReceiptBlock[] = [
    { kind: 'text', text: input.store.name, align: 'center', bold: true },
    { kind: 'text', text: input.store.address, align: 'center' },
    { kind: 'text', text: `CVR ${input.store.cvr}`, align: 'center' },
    { kind: 'rule' },
    { kind: 'text', text: t.title, align: 'center', bold: true, size: 'double' },
    { kind: 'row', left: formatDateTime(input.time, input.timeZone, input.locale), right: `${t.refund} ${input.refundNumber}` },
    { kind: 'row', left: `${t.sale} ${input.saleNumber}`, right: input.saleId },
    { kind: 'rule' },
    ...input.lines.map((l): ReceiptBlock => ({ kind: 'text', text: `${l.quantity} × ${name(l.name)}` })),
    { kind: 'rule' },
    { kind: 'row', left: t.amount, right: amount(input.amount), bold: true },
    ...(input.deposit > 0 ? [{ kind: 'row' as const, left: `  ${t.deposit}`, right: amount(input.deposit) }] : []),
    { kind: 'row', left: input.method === 'card' ? t.card : t.cash, right: input.card ?? '' },
    { kind: 'feed', lines: 1 },
    { kind: 'text', text: `${t.sign}: ______________________` },
    { kind: 'feed', lines: 1 },
  ];
  return { width: input.width ?? DEFAULT_RECEIPT_WIDTH, blocks };
}
