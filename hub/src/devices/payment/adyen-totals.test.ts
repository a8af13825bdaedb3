// A terminal's reconciliation totals, read through the vendor's own models, come out in exact øre or not at all.
import { describe, expect, it } from 'vitest';
import adyen from '@adyen/api-library';
import { totalsOf } from './adyen-totals.js';
import { TerminalError } from './terminal.js';

type Response = Parameters<typeof totalsOf>[0];
/** As the library would hand it to the driver: plain JSON through ObjectSerializer. */
const parsed = (json: object): Response =>
  adyen.Types.terminal.ObjectSerializer.deserialize({ Response: { Result: 'Success' }, ReconciliationType: 'SaleReconciliation', ...json }, 'ReconciliationResponse') as Response;
const card = (brand: string | null, lines: Array<[string, number, number]>, currency: string | null = 'DKK') => ({
  PaymentInstrumentType: 'Card',
  ...(brand ? { CardBrand: brand } : {}),
  ...(currency ? { PaymentCurrency: currency } : {}),
  PaymentTotals: lines.map(([TransactionType, TransactionCount, TransactionAmount]) => ({ TransactionType, TransactionCount, TransactionAmount })),
});

describe('reading terminal totals', () => {
  it('adds debits as payments and credits or reversed debits as reversals, per brand over every group', () => {
    const totals = totalsOf(parsed({
      POIReconciliationID: '1007',
      TransactionTotals: [
        card('visa', [['Debit', 2, 30.1], ['Credit', 1, 0.1]]),
        card('mc', [['Debit', 1, 10.99], ['ReverseDebit', 1, 10.99], ['Declined', 4, 99]]),
        card('visa', [['Debit', 1, 0.2]]), // the same brand at another acquirer
      ],
    }));
    expect(totals).toEqual({
      poiReconciliationId: '1007',
      payments: { count: 4, amount: 3010 + 1099 + 20 },
      reversals: { count: 2, amount: 10 + 1099 },
      byBrand: [{ brand: 'mc', count: 1, amount: 1099 }, { brand: 'visa', count: 3, amount: 3030 }],
    });
  });

  it('an empty period is all zeros', () => {
    expect(totalsOf(parsed({ POIReconciliationID: '1008' }))).toEqual({
      poiReconciliationId: '1008', payments: { count: 0, amount: 0 }, reversals: { count: 0, amount: 0 }, byBrand: [],
    });
  });

  it('a group without a brand counts in the totals but in no brand', () => {
    const totals = totalsOf(parsed({ TransactionTotals: [card(null, [['Debit', 1, 5]]), card('mc', [['Debit', 1, 1]])] }));
    expect(totals).toMatchObject({ poiReconciliationId: null, payments: { count: 2, amount: 600 }, byBrand: [{ brand: 'mc', count: 1, amount: 100 }] });
  });

  it.each([
    ['totals in two currencies', [card('mc', [['Debit', 1, 1]]), card('visa', [['Debit', 1, 1]], 'EUR')], /more than one currency/],
    ['totals without a currency', [card('mc', [['Debit', 1, 1]], null)], /without a PaymentCurrency/],
    ['an amount finer than the currency allows', [card('mc', [['Debit', 1, 1.005]])], /cannot read exactly/],
  ])('%s are refused rather than guessed', (_, groups, message) => {
    const read = () => totalsOf(parsed({ POIReconciliationID: '1', TransactionTotals: groups }));
    expect(read).toThrow(TerminalError);
    expect(read).toThrow(message);
  });
});
