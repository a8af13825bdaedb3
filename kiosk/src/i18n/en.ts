// English texts of the kiosk, key for key the same as the Danish ones.
import { uiMessages } from '@selfserve/ui';
import type { da } from './da.js';

export const en: typeof da = {
  ...uiMessages.en,
  app: { title: 'Self-checkout' },
  language: { switchTo: 'Dansk', label: 'Skift sprog til dansk' },
  scan: {
    label: 'Scan or enter a barcode',
    placeholder: 'Barcode or PLU',
    submit: 'Add',
    hint: 'Scan an item with the scanner, or type the code and press Enter.',
  },
  basket: {
    title: 'Your basket',
    empty: 'Scan your first item to begin.',
    decrease: 'Remove one {name}',
    increase: 'Add one more {name}',
    remove: 'Remove {name} from the basket',
    quantity: 'Quantity',
  },
  totals: {
    itemCount: 'Items',
    subtotal: 'Before discounts',
    discount: 'Total discount',
    total: 'To pay',
    vat: 'Incl. VAT {rate}',
    member: 'Member',
    memberIdentified: 'Identified',
    coupons: 'Coupons',
  },
  cancel: {
    button: 'Cancel purchase',
    confirm: 'Cancel the purchase and empty the basket?',
    yes: 'Yes, cancel',
    no: 'No, go on',
  },
  notice: {
    lane: 'Please wait, a member of staff is coming to help you.',
    ageCheck: 'A member of staff must check your age before you can pay.',
  },
  error: { dismiss: 'Close message' },
  errors: {
    'bad-payload': 'The request was not valid. Please try again.',
    'invalid-barcode': 'The barcode could not be read. Please scan it again.',
    'unknown-item': 'We do not sell this item. Please ask a member of staff.',
    'weight-required': 'This item must be weighed. Please put it on the scale.',
    'not-sellable': 'This code is not an item that can be sold.',
    'not-found': 'That line is no longer in the basket.',
    'not-allowed': 'That is not possible right now.',
    'lane-blocked': 'The checkout is waiting for a member of staff.',
    'quantity-limit': 'That quantity is over the limit. Please ask a member of staff.',
    conflict: 'That action was already done differently. Please try again.',
    unauthorized: 'This screen is not allowed to do that.',
    'rate-limited': 'Too many attempts in a short time. Please wait a moment.',
    internal: 'Something went wrong. Please try again or ask a member of staff.',
    timeout: 'The system did not answer in time. Check the basket and try again.',
    offline: 'No connection to the system. Please wait a moment and try again.',
  },
};
