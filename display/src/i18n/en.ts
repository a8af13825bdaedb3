// English texts of the displays, key for key the same as the Danish ones.
import { uiMessages } from '@selfserve/ui';
import type { da } from './da.js';

export const en: typeof da = {
  ...uiMessages.en,
  welcome: {
    offer: 'Offer',
    memberOffer: 'Member offer',
    title: 'Welcome',
    body: 'Scan your first item to begin.',
  },
  pay: {
    state: {
      waiting: 'Follow the instructions on the payment terminal',
      checking: 'Checking the payment with the terminal …',
      offline: 'The terminal is not answering. A member of staff is on the way.',
    },
    refused: {
      declined: 'The payment was declined. Try again, or call a member of staff.',
      cancelled: 'The payment was cancelled.',
      failed: 'The payment did not go through. Try again, or call a member of staff.',
    },
    thanks: 'Thank you for shopping {name}',
    receipt: 'Receipt no. {number}',
  },
  lane: {
    greeting: 'Hello {name}',
    title: 'Your basket',
    items: 'Items: {count}',
    savings: 'You save {amount}',
    total: 'Total',
    waitForStaff: 'Please wait, a member of staff is coming to help you.',
  },
};
