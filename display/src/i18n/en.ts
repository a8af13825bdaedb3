// English texts of the displays, key for key the same as the Danish ones.
import type { da } from './da.js';

export const en: typeof da = {
  connection: {
    connected: 'Connected',
    connecting: 'Connecting…',
    reconnecting: 'Reconnecting…',
  },
  welcome: {
    title: 'Welcome',
    body: 'Scan your first item to begin.',
  },
  lane: {
    title: 'Your basket',
    each: '{quantity} × {price}',
    perKg: '{weight} × {price}/kg',
    memberPrice: 'Member price',
    discount: 'Discount',
    items: 'Items: {count}',
    savings: 'You save {amount}',
    total: 'Total',
    waitForStaff: 'Please wait, a member of staff is coming to help you.',
  },
};
