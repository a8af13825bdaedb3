// What the simulated terminal does with a ReconciliationRequest: the open period's totals, then a new period.
import { majorToMinor, minorToMajor } from '../amount.js';
import type { Dict, Exchange, SimState } from './handlers.js';
import { failure, type Json } from './responses.js';

interface Group {
  brand: string | null;
  currency: string;
  debit: { count: number; minor: number };
  credit: { count: number; minor: number };
}

/** One TransactionTotals per card brand and currency, each with its Debit and Credit lines. */
function groupTotals(state: SimState, period: string): Group[] {
  const groups = new Map<string, Group>();
  const groupOf = (brand: string | null, currency: string): Group => {
    const key = `${brand ?? ''}\u0000${currency}`;
    let group = groups.get(key);
    if (!group) {
      group = { brand, currency, debit: { count: 0, minor: 0 }, credit: { count: 0, minor: 0 } };
      groups.set(key, group);
    }
    return group;
  };
  for (const tx of state.transactions) {
    if (tx.state !== 'approved' || tx.poiReconciliationId !== period) continue;
    const line = groupOf(tx.brand, tx.currency).debit;
    line.count += 1;
    line.minor += majorToMinor(tx.amount, tx.currency);
  }
  for (const reversal of state.reversals) {
    if (reversal.poiReconciliationId !== period) continue;
    const line = groupOf(reversal.brand, reversal.currency).credit;
    line.count += 1;
    line.minor += majorToMinor(reversal.amount, reversal.currency);
  }
  return [...groups.values()].sort((a, b) => `${a.brand}${a.currency}`.localeCompare(`${b.brand}${b.currency}`));
}

function transactionTotals(group: Group): Json {
  // nexo sends a PaymentTotals line only when its count and amount are not zero.
  const lines = (['Debit', 'Credit'] as const)
    .map((type) => ({ type, sum: type === 'Debit' ? group.debit : group.credit }))
    .filter(({ sum }) => sum.count > 0)
    .map(({ type, sum }) => ({ TransactionType: type, TransactionCount: sum.count, TransactionAmount: minorToMajor(sum.minor, group.currency) }));
  return {
    PaymentInstrumentType: 'Card',
    ...(group.brand ? { CardBrand: group.brand } : {}),
    PaymentCurrency: group.currency,
    PaymentTotals: lines,
  };
}

export function handleReconciliation(state: SimState, exchange: Exchange): void {
  const type = ((exchange.request as Dict).ReconciliationRequest as Dict | undefined)?.ReconciliationType as unknown;
  const answer = (Response: Json, extra: Json = {}): void =>
    exchange.respond({ ReconciliationResponse: { Response, ReconciliationType: type, ...extra } });
  if (state.held.size > 0) {
    answer(failure('Busy', 'Terminal busy'));
    return;
  }
  if (type !== 'SaleReconciliation') {
    answer(failure('NotAllowed', `ReconciliationType ${String(type)} is not simulated; only SaleReconciliation`));
    return;
  }
  const period = String(state.reconciliationId);
  const totals = groupTotals(state, period).map(transactionTotals);
  state.reconciliationId += 1;
  answer({ Result: 'Success' }, { POIReconciliationID: period, TransactionTotals: totals });
}
