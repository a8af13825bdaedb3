/** The Money value: an integer amount of minor units (øre) with its ISO 4217 currency. */

export interface Money {
  /** Minor units (øre for DKK); always a safe integer. */
  readonly amount: number;
  /** ISO 4217 code, e.g. "DKK". */
  readonly currency: string;
}

const CURRENCY = /^[A-Z]{3}$/;

/** Makes a Money; rejects fractions of a minor unit and malformed currency codes. */
export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`money must be a whole number of minor units, got ${amount}`);
  }
  if (!CURRENCY.test(currency)) throw new RangeError(`not an ISO 4217 currency code: "${currency}"`);
  return { amount: amount + 0, currency };
}

/** a + b; both must be in the same currency. */
export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

/** a − b; both must be in the same currency. */
export function subMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

/** Sum of amounts in one currency; an empty list sums to zero in `currency`. */
export function sumMoney(items: readonly Money[], currency: string): Money {
  return items.reduce(addMoney, money(0, currency));
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new RangeError(`cannot mix currencies: ${a.currency} and ${b.currency}`);
  }
}
