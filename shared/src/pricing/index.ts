/** Public API of pricing: priceBasket and its input and output types. */
export { priceBasket } from './engine.js';
export { PricingError } from './errors.js';
export { MAX_LINE_QUANTITY } from './lines.js';
export type { PricingErrorCode } from './errors.js';
export { PRICING_SEARCH_BUDGET } from './search.js';
export type {
  Adjustment,
  LineInput,
  PricedLine,
  PricingInput,
  PricingResult,
  ProductLookup,
  Totals,
  VatLine,
} from './types.js';
export { withDeposits } from './deposit.js';
export type { DepositRules, DepositVoucher } from './deposit.js';
