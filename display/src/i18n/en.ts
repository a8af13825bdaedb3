// English texts of the displays, key for key the same as the Danish ones.
import { uiMessages } from '@selfserve/ui';
import type { da } from './da.js';

export const en: typeof da = {
  ...uiMessages.en,
  welcome: {
    title: 'Welcome',
    body: 'Scan your first item to begin.',
  },
  lane: {
    title: 'Your basket',
    items: 'Items: {count}',
    savings: 'You save {amount}',
    total: 'Total',
    waitForStaff: 'Please wait, a member of staff is coming to help you.',
  },
};
