/** Public API of money: integer minor units, exact rounding, allocation, VAT and formatting. */
export { roundHalfAwayFromZero, mulDivRound } from './rounding.js';
export { priceByWeight, percentOf, vatFromGross } from './rates.js';
export { allocate } from './allocate.js';
export { money, addMoney, subMoney, sumMoney } from './money.js';
export type { Money } from './money.js';
export { formatMoney, parseMoney, currencyFractionDigits } from './format.js';
