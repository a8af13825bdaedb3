// Danish texts of the displays (the store's default language); the English file has the same keys.
import { uiMessages } from '@selfserve/ui';

export const da = {
  ...uiMessages.da,
  welcome: {
    offer: 'Tilbud',
    memberOffer: 'Medlemstilbud',
    title: 'Velkommen',
    body: 'Scan din første vare for at begynde.',
  },
  pay: {
    state: {
      waiting: 'Følg vejledningen på betalingsterminalen',
      checking: 'Vi tjekker betalingen med terminalen …',
      offline: 'Terminalen svarer ikke. En medarbejder er på vej.',
    },
    refused: {
      declined: 'Betalingen blev afvist. Prøv igen, eller kald på en medarbejder.',
      cancelled: 'Betalingen blev annulleret.',
      failed: 'Betalingen lykkedes ikke. Prøv igen, eller kald på en medarbejder.',
    },
    thanks: 'Tak for dit køb {name}',
    receipt: 'Kvittering nr. {number}',
  },
  lane: {
    greeting: 'Hej {name}',
    title: 'Din kurv',
    items: 'Varer: {count}',
    savings: 'Du sparer {amount}',
    total: 'I alt',
    waitForStaff: 'Vent venligst, en medarbejder kommer og hjælper dig.',
  },
};
