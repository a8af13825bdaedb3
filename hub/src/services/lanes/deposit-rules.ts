/** The store's deposit classes from its configuration, named for receipts in Danish and English. */
import type { DepositRules } from '@selfserve/shared';
import type { Config } from '../../config.js';

export function depositRules(c: Config['deposit']): DepositRules {
  const classes: DepositRules['classes'] = {};
  for (const [cls, amount] of Object.entries(c.classes)) classes[cls] = { amount, name: { da: `Pant ${cls}`, en: `Deposit ${cls}` } };
  return { classes, vatRate: c.vatRate };
}
