// Danish texts of the displays (the store's default language); the English file has the same keys.
import { uiMessages } from '@selfserve/ui';

export const da = {
  ...uiMessages.da,
  welcome: {
    title: 'Velkommen',
    body: 'Scan din første vare for at begynde.',
  },
  lane: {
    title: 'Din kurv',
    items: 'Varer: {count}',
    savings: 'Du sparer {amount}',
    total: 'I alt',
    waitForStaff: 'Vent venligst, en medarbejder kommer og hjælper dig.',
  },
};
