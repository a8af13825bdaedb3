// Danish texts of the shared components; each app spreads them into its own Danish messages.
export const da = {
  connection: {
    connected: 'Forbundet',
    connecting: 'Opretter forbindelse…',
    reconnecting: 'Genopretter forbindelse…',
  },
  line: {
    each: '{quantity} × {price}',
    perKg: '{weight} × {price}/kg',
    memberPrice: 'Medlemspris',
    discount: 'Rabat',
  },
};
