// English texts of the shared components, key for key the same as the Danish ones.
import type { da } from './da.js';

export const en: typeof da = {
  connection: {
    connected: 'Connected',
    connecting: 'Connecting…',
    reconnecting: 'Reconnecting…',
  },
  line: {
    each: '{quantity} × {price}',
    perKg: '{weight} × {price}/kg',
    memberPrice: 'Member price',
    discount: 'Discount',
  },
};
