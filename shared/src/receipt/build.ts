/** buildReceipt: a paid sale laid out as a Danish receipt (store, lines, discounts, totals, VAT, payment). */
import type { LocalizedText } from '../catalog/schema.js';
import type { Adjustment } from '../pricing/types.js';
import type { SnapshotLine } from '../protocol/snapshot.js';
import { assertMaskedPan } from './card.js';
import { ReceiptError, type ReceiptBlock, type ReceiptDocument } from './document.js';
import { currencySymbol, formatAmount, formatDateTime, formatKilograms, formatRate, type ReceiptLocale } from './format.js';
import type { ReceiptInput, ReceiptPayment } from './input.js';
import { receiptLabels, type ReceiptLabels } from './labels.js';

export const DEFAULT_RECEIPT_WIDTH = 48;

/** Printable ASCII only: Code 128 set B and every printer's font carry it. */
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

export function buildReceipt(input: ReceiptInput): ReceiptDocument {
  const width = input.width ?? DEFAULT_RECEIPT_WIDTH;
  if (!Number.isInteger(width) || width < 24) throw new ReceiptError('invalid-width', `a receipt needs at least 24 characters per line, got ${width}`);
  if (!PRINTABLE_ASCII.test(input.transactionId) || input.transactionId.length > 64) {
    throw new ReceiptError('invalid-transaction-id', 'the transaction id must be 1–64 printable ASCII characters');
  }
  let when: string;
  try {
    when = formatDateTime(input.time, input.timeZone, input.locale);
  } catch (error) {
    throw new ReceiptError('invalid-time', `cannot show ${input.time} in ${input.timeZone}: ${String(error)}`);
  }
  const t = receiptLabels(input.locale);
  const payment = paymentBlocks(input, t);
  const blocks: ReceiptBlock[] = [
    { kind: 'text', text: input.store.name, align: 'center', bold: true, size: 'double' },
    { kind: 'text', text: input.store.address, align: 'center' },
    { kind: 'text', text: `${t.cvr} ${input.store.cvr}`, align: 'center' },
    { kind: 'rule' },
    ...orderBlocks(input.order, t),
    { kind: 'row', left: when, right: `${t.receiptNumber} ${input.transactionNumber}` },
    { kind: 'row', left: `${t.lane}: ${input.laneName}`, right: '' },
    { kind: 'rule' },
    ...input.lines.flatMap((line) => lineBlocks(line, input, t)),
    { kind: 'rule' },
    ...totalBlocks(input, t),
    { kind: 'rule' },
    ...payment,
    { kind: 'rule' },
    { kind: 'text', text: t.thanks, align: 'center' },
    { kind: 'text', text: t.returnCode, align: 'center' },
    { kind: 'barcode', data: input.transactionId },
    { kind: 'text', text: input.transactionId, align: 'center' },
    { kind: 'feed', lines: 1 },
  ];
  return { width, blocks: blocks.map(tidy) };
}

function lineBlocks(line: SnapshotLine, input: ReceiptInput, t: ReceiptLabels): ReceiptBlock[] {
  const { locale, currency } = input;
  const name = localized(line.name, locale);
  const gross = formatAmount(line.grossPrice, currency, locale);
  const symbol = currencySymbol(currency);
  const member = line.memberPrice ? ` (${t.memberPrice})` : '';
  const unitPrice = `${formatAmount(line.unitPrice, currency, locale)} ${symbol}`;
  const blocks: ReceiptBlock[] = [];
  if (line.unit === 'kg') {
    const kg = formatKilograms(line.weightGrams ?? 0, locale);
    blocks.push({ kind: 'text', text: name }, { kind: 'row', left: `  ${kg} kg × ${unitPrice}/kg${member}`, right: gross });
  } else if (line.quantity !== 1 || line.memberPrice) {
    blocks.push({ kind: 'text', text: name }, { kind: 'row', left: `  ${line.quantity} × ${unitPrice}${member}`, right: gross });
  } else {
    blocks.push({ kind: 'row', left: name, right: gross });
  }
  blocks.push(...menuDetailBlocks(line, locale));
  for (const discount of line.discounts) {
    if (discount.amount === 0) continue;
    const campaign = campaignName(discount.campaignId, input.adjustments, locale);
    blocks.push({ kind: 'row', left: `  ${campaign}`, right: formatAmount(-discount.amount, currency, locale) });
  }
  return blocks;
}

/** The order number, big, and eat in or take away. */
export function orderBlocks(order: ReceiptInput['order'], t: ReceiptLabels): ReceiptBlock[] {
  if (!order) return [];
  const dining = order.dining === null ? [] : [{ kind: 'text' as const, text: order.dining === 'eat-in' ? t.eatIn : t.takeAway, align: 'center' as const }];
  return [{ kind: 'text', text: `${t.order} ${order.number}`, align: 'center', bold: true, size: 'double' }, ...dining, { kind: 'rule' }];
}

/** A menu line's choices and note, indented under it. */
export function menuDetailBlocks(line: SnapshotLine, locale: ReceiptInput['locale']): ReceiptBlock[] {
  if (!line.order) return [];
  const details = line.order.details.map((d) => ({ kind: 'text' as const, text: `  ${localized(d, locale)}` }));
  return line.order.note ? [...details, { kind: 'text', text: `  "${line.order.note}"` }] : details;
}

function totalBlocks(input: ReceiptInput, t: ReceiptLabels): ReceiptBlock[] {
  const { totals, locale, currency } = input;
  const amount = (minor: number) => formatAmount(minor, currency, locale);
  const blocks: ReceiptBlock[] = [{ kind: 'row', left: t.subtotal, right: amount(totals.gross) }];
  if (totals.discount !== 0) blocks.push({ kind: 'row', left: t.discountTotal, right: amount(-totals.discount) });
  blocks.push(
    { kind: 'row', left: `${t.total} ${currency}`, right: amount(totals.total), bold: true },
    { kind: 'row', left: t.itemCount, right: String(totals.itemCount) },
  );
  for (const vat of totals.vat) {
    blocks.push({ kind: 'row', left: `${t.vat} ${formatRate(vat.rate, locale)} (${t.net} ${amount(vat.net)})`, right: amount(vat.vat) });
  }
  return blocks;
}

function paymentBlocks(input: ReceiptInput, t: ReceiptLabels): ReceiptBlock[] {
  const payment: ReceiptPayment = input.payment;
  const method = payment.brand ?? { card: t.card, cash: t.cash, other: t.other }[payment.method];
  const blocks: ReceiptBlock[] = [
    { kind: 'row', left: `${t.paidWith} ${method}`, right: formatAmount(input.totals.total, input.currency, input.locale) },
  ];
  if (payment.maskedPan !== undefined) blocks.push({ kind: 'text', text: `  ${assertMaskedPan(payment.maskedPan)}` });
  if (payment.authCode !== undefined) blocks.push({ kind: 'text', text: `  ${t.authCode}: ${payment.authCode}` });
  return blocks;
}

function localized(text: LocalizedText, locale: ReceiptLocale): string {
  const language = locale.slice(0, 2);
  return text[language] ?? text.da;
}

function campaignName(campaignId: string, adjustments: Adjustment[], locale: ReceiptLocale): string {
  const adjustment = adjustments.find((a) => a.campaignId === campaignId);
  return adjustment ? localized(adjustment.name, locale) : campaignId;
}

/** Names come from catalogs: one normal form, and no control characters that a printer would obey. */
function tidy(block: ReceiptBlock): ReceiptBlock {
  const clean = (s: string) => s.normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  switch (block.kind) {
    case 'text':
      return { ...block, text: clean(block.text) };
    case 'row':
      return { ...block, left: clean(block.left), right: clean(block.right) };
    default:
      return block;
  }
}
