// Reads a nexo ReconciliationResponse's TransactionTotals into our TerminalTotals, exactly, in integer minor units.
import type { Types } from '@adyen/api-library';
import { majorToMinor } from './amount.js';
import { TerminalError, type TerminalTotals } from './terminal.js';

type T = typeof Types.terminal;
type ReconciliationResponse = InstanceType<T['ReconciliationResponse']>;
type TransactionTotals = InstanceType<T['TransactionTotals']>;
type PaymentTotals = InstanceType<T['PaymentTotals']>;

// nexo TransactionType: a refund is a Credit; a terminal may count the reversal of a debit as ReverseDebit.
// Declined, Failed, reservations and loyalty types move no money to or from a card and are left out.
const PAYMENTS = new Set(['Debit']);
const REVERSALS = new Set(['Credit', 'ReverseDebit']);
const counts = (line: PaymentTotals): boolean => PAYMENTS.has(String(line.TransactionType)) || REVERSALS.has(String(line.TransactionType));

/** One currency for the whole period, or the totals cannot be added up in our terms. */
function currencyOf(groups: TransactionTotals[]): string | null {
  const counted = groups.filter((g) => (g.PaymentTotals ?? []).some(counts));
  const currencies = new Set(counted.map((g) => g.PaymentCurrency));
  if (currencies.has(undefined)) throw new TerminalError('protocol', 'terminal totals without a PaymentCurrency');
  if (currencies.size > 1) throw new TerminalError('protocol', `terminal totals in more than one currency: ${[...currencies].join(', ')}`);
  return counted[0]?.PaymentCurrency ?? null;
}

function read(line: PaymentTotals, currency: string): { count: number; amount: number } {
  const count = line.TransactionCount;
  if (!Number.isSafeInteger(count) || count < 0) throw new TerminalError('protocol', `terminal totals with a bad count: ${count}`);
  try {
    return { count, amount: majorToMinor(line.TransactionAmount, currency) };
  } catch (error) {
    throw new TerminalError('protocol', `terminal totals with an amount we cannot read exactly: ${line.TransactionAmount} ${currency}`, { cause: error });
  }
}

export function totalsOf(response: Pick<ReconciliationResponse, 'POIReconciliationID' | 'TransactionTotals'>): TerminalTotals {
  const groups = response.TransactionTotals ?? [];
  const currency = currencyOf(groups);
  const payments = { count: 0, amount: 0 };
  const reversals = { count: 0, amount: 0 };
  const brands = new Map<string, { brand: string; count: number; amount: number }>();
  for (const group of groups) {
    for (const line of group.PaymentTotals ?? []) {
      const type = String(line.TransactionType);
      const sum = PAYMENTS.has(type) ? payments : REVERSALS.has(type) ? reversals : null;
      if (!sum || !currency) continue;
      const { count, amount } = read(line, currency);
      sum.count += count;
      sum.amount += amount;
      // The same brand may come in several groups (per acquirer, per settlement): one line per brand.
      if (sum === payments && group.CardBrand) {
        const brand = brands.get(group.CardBrand) ?? { brand: group.CardBrand, count: 0, amount: 0 };
        brand.count += count;
        brand.amount += amount;
        brands.set(group.CardBrand, brand);
      }
    }
  }
  // A terminal may send the id as a digit string or a number.
  const id = response.POIReconciliationID as unknown;
  return {
    poiReconciliationId: id === undefined || id === null || id === '' ? null : String(id),
    payments,
    reversals,
    byBrand: [...brands.values()].sort((a, b) => a.brand.localeCompare(b.brand)),
  };
}
