/** The words on a receipt, in Danish and English. */
import type { ReceiptLocale } from './format.js';

export interface ReceiptLabels {
  cvr: string;
  lane: string;
  receiptNumber: string;
  memberPrice: string;
  subtotal: string;
  discountTotal: string;
  total: string;
  itemCount: string;
  vat: string;
  net: string;
  paidWith: string;
  card: string;
  cash: string;
  other: string;
  authCode: string;
  returnCode: string;
  thanks: string;
  order: string;
  eatIn: string;
  takeAway: string;
  payAtCounter: string;
  notPaid: string;
}

const LABELS: Record<ReceiptLocale, ReceiptLabels> = {
  'da-DK': {
    cvr: 'CVR-nr.',
    lane: 'Kasse',
    receiptNumber: 'Bon nr.',
    memberPrice: 'medlemspris',
    subtotal: 'Subtotal',
    discountTotal: 'Rabat i alt',
    total: 'I ALT',
    itemCount: 'Antal varer',
    vat: 'Moms',
    net: 'netto',
    paidWith: 'Betalt med',
    card: 'kort',
    cash: 'kontant',
    other: 'andet',
    order: 'ORDRE',
    eatIn: 'Spis her',
    takeAway: 'Tag med',
    payAtCounter: 'Betal ved disken: vis dette nummer',
    notPaid: 'Ikke betalt',
    authCode: 'Godk.kode',
    returnCode: 'Gem bonen ved bytte og retur',
    thanks: 'Tak for besøget!',
  },
  'en-GB': {
    cvr: 'CVR no.',
    lane: 'Lane',
    receiptNumber: 'Receipt no.',
    memberPrice: 'member price',
    subtotal: 'Subtotal',
    discountTotal: 'Total discount',
    total: 'TOTAL',
    itemCount: 'Items',
    vat: 'VAT',
    net: 'net',
    paidWith: 'Paid by',
    card: 'card',
    cash: 'cash',
    other: 'other',
    order: 'ORDER',
    eatIn: 'Eat in',
    takeAway: 'Take away',
    payAtCounter: 'Pay at the counter: show this number',
    notPaid: 'Not paid',
    authCode: 'Auth code',
    returnCode: 'Keep this receipt for exchanges and returns',
    thanks: 'Thank you for shopping with us!',
  },
};

export function receiptLabels(locale: ReceiptLocale): ReceiptLabels {
  return LABELS[locale];
}
