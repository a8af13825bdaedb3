// Danish texts of the displays (the store's default language); the English file has the same keys.
export const da = {
  connection: {
    connected: 'Forbundet',
    connecting: 'Opretter forbindelse…',
    reconnecting: 'Genopretter forbindelse…',
  },
  welcome: {
    title: 'Velkommen',
    body: 'Scan din første vare for at begynde.',
  },
  lane: {
    title: 'Din kurv',
    each: '{quantity} × {price}',
    perKg: '{weight} × {price}/kg',
    memberPrice: 'Medlemspris',
    discount: 'Rabat',
    items: 'Varer: {count}',
    savings: 'Du sparer {amount}',
    total: 'I alt',
    waitForStaff: 'Vent venligst, en medarbejder kommer og hjælper dig.',
  },
};
