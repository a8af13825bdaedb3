/** Restaurant tickets: the guest's "pay at the counter" ticket with the order number, and a kitchen station's ticket. */
import type { LocalizedText } from '../catalog/schema.js';
import type { KitchenItem } from '../protocol/orders.js';
import type { SnapshotLine } from '../protocol/snapshot.js';
import { DEFAULT_RECEIPT_WIDTH, menuDetailBlocks, orderBlocks } from './build.js';
import type { ReceiptBlock, ReceiptDocument } from './document.js';
import { formatAmount, formatDateTime, type ReceiptLocale } from './format.js';
import { receiptLabels } from './labels.js';

export interface OrderTicketInput {
  storeName: string;
  number: number;
  dining: 'eat-in' | 'take-away' | null;
  time: string;
  timeZone: string;
  locale: ReceiptLocale;
  currency: string;
  lines: SnapshotLine[];
  total: number;
  width?: number;
}

const pick = (text: LocalizedText, locale: ReceiptLocale) => (locale === 'da-DK' ? text.da : (text.en ?? text.da));

/** The ticket a guest who pays at the counter takes there: the number, what was ordered, the amount, not paid. */
export function buildOrderTicket(input: OrderTicketInput): ReceiptDocument {
  const t = receiptLabels(input.locale);
  const amount = (minor: number) => formatAmount(minor, input.currency, input.locale);
  const blocks: ReceiptBlock[] = [
    { kind: 'text', text: input.storeName, align: 'center', bold: true },
    { kind: 'rule' },
    ...orderBlocks({ number: input.number, dining: input.dining }, t),
    { kind: 'text', text: formatDateTime(input.time, input.timeZone, input.locale), align: 'center' },
    { kind: 'rule' },
    ...input.lines.flatMap((l): ReceiptBlock[] => [
      { kind: 'row', left: `${l.quantity} × ${pick(l.name, input.locale)}`, right: amount(l.paidPrice) },
      ...menuDetailBlocks(l, input.locale),
    ]),
    { kind: 'rule' },
    { kind: 'row', left: t.total, right: amount(input.total), bold: true },
    { kind: 'text', text: t.notPaid, align: 'center', bold: true },
    { kind: 'text', text: t.payAtCounter, align: 'center' },
    { kind: 'feed', lines: 1 },
  ];
  return { width: input.width ?? DEFAULT_RECEIPT_WIDTH, blocks };
}

export interface KitchenTicketInput {
  number: number;
  dining: 'eat-in' | 'take-away';
  station: string;
  time: string;
  timeZone: string;
  items: KitchenItem[];
  width?: number;
}

/** What one kitchen station makes for an order, in Danish (the kitchen's language), notes in capitals. */
export function buildKitchenTicket(input: KitchenTicketInput): ReceiptDocument {
  const t = receiptLabels('da-DK');
  const blocks: ReceiptBlock[] = [
    ...orderBlocks({ number: input.number, dining: input.dining }, t),
    { kind: 'row', left: input.station.toUpperCase(), right: formatDateTime(input.time, input.timeZone, 'da-DK') },
    { kind: 'rule' },
    ...input.items.flatMap((k): ReceiptBlock[] => [
      { kind: 'text', text: `${k.quantity} × ${k.name.da}${k.size ? `, ${k.size.da}` : ''}`, bold: true },
      ...(k.combo ? [{ kind: 'text' as const, text: `  (${k.combo.da})` }] : []),
      ...k.modifiers.map((m) => ({ kind: 'text' as const, text: `  ${m.da}` })),
      ...(k.note ? [{ kind: 'text' as const, text: `  ! ${k.note.toUpperCase()}`, bold: true }] : []),
    ]),
    { kind: 'feed', lines: 1 },
  ];
  return { width: input.width ?? DEFAULT_RECEIPT_WIDTH, blocks };
}
