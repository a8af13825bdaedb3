// Store-day terminal work, the Adyen driver against the simulator over encrypted HTTPS: refunds to the card in
// parts, and the terminal's totals for the end-of-day report.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdyenTerminal, TerminalError, type PaymentResult } from '../../hub/src/devices/payment/index.js';
import { startTerminalSimulator, type TerminalSimulator } from '../../hub/src/devices/payment/simulator/index.js';

const KEY = { identifier: 'LaneKey', version: 3, passphrase: 'a shared secret for tests' };
const POI_ID = 'V400m-324688179';
const TIMEOUT_MS = 1500;

let sim: TerminalSimulator;
let terminal: AdyenTerminal;
let counter = 0;
/** A fresh ServiceID, at most 10 characters as nexo requires. */
const sid = (): string => `R${Date.now() % 1e6}${(counter++ % 100).toString().padStart(2, '0')}`;
const pay = (amount: number): Promise<PaymentResult> =>
  terminal.pay({ saleId: 'sale-1', transactionId: `tx-${counter}`, serviceId: sid(), amount, currency: 'DKK' });
const refund = (paid: Pick<PaymentResult, 'poiTransactionId' | 'poiTimestamp'>, amount: number, serviceId = sid()): Promise<PaymentResult> =>
  terminal.reverse({ saleId: 'sale-1', serviceId, poiTransactionId: paid.poiTransactionId ?? '', poiTimestamp: paid.poiTimestamp ?? '', amount, currency: 'DKK' });
const totals = () => terminal.totals({ saleId: 'sale-1', serviceId: sid() });
const rejection = async (promise: Promise<unknown>): Promise<TerminalError> => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TerminalError);
  return error as TerminalError;
};
const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

// A terminal of its own for each rule, so every test starts with no payments and an empty period.
beforeEach(async () => {
  sim = await startTerminalSimulator({ passphrase: KEY.passphrase, keyIdentifier: KEY.identifier, keyVersion: KEY.version, poiId: POI_ID });
  terminal = new AdyenTerminal({ endpoint: sim.url, poiId: POI_ID, saleId: 'lane-1', key: KEY, caCertPath: sim.caCertPath, timeoutMs: TIMEOUT_MS });
});
afterEach(() => sim.close());

describe('refunds to the card: partial reversals', () => {
  it('two partial reversals of one payment succeed, and a third above what is left is refused', async () => {
    const paid = await pay(1099);
    const firstServiceId = sid();
    const first = await refund(paid, 400, firstServiceId);
    const second = await refund(paid, 300);
    expect(first).toMatchObject({ state: 'approved', reason: null, amount: 400 });
    expect(second).toMatchObject({ state: 'approved', reason: null, amount: 300 });
    // Each reversal is a transaction of its own at the terminal, not the payment's.
    expect(new Set([paid.poiTransactionId, first.poiTransactionId, second.poiTransactionId]).size).toBe(3);
    expect(first.poiTimestamp).toBeTruthy();

    const third = await refund(paid, 400);
    expect(third.state).toBe('failed');
    expect(third.amount).toBeNull();
    expect(third.reason).toBe('NotAllowed: Reversal of 4.00 DKK exceeds what is left: 10.99 DKK authorised, 7.00 DKK already reversed, 3.99 DKK left');

    expect(sim.reversals).toEqual([
      expect.objectContaining({ originalPoiTransactionId: paid.poiTransactionId, amount: 4, poiTransactionId: first.poiTransactionId, serviceId: firstServiceId, saleId: 'lane-1' }),
      expect.objectContaining({ originalPoiTransactionId: paid.poiTransactionId, amount: 3, poiTransactionId: second.poiTransactionId }),
    ]);
    expect(sim.transactions[0]).toMatchObject({ reversedAmount: 7, reversed: false });
  });

  it('the rest of a partly reversed payment can still be given back, and then nothing more', async () => {
    const paid = await pay(1099);
    await refund(paid, 400);
    expect(await refund(paid, 699)).toMatchObject({ state: 'approved', amount: 699 });
    expect(sim.transactions[0]).toMatchObject({ reversedAmount: 10.99, reversed: true });
    expect(await refund(paid, 1)).toMatchObject({ state: 'failed', reason: 'NotAllowed: Already reversed in full' });
    expect(sim.reversals.map((r) => r.amount)).toEqual([4, 6.99]);
  });

  it('a reversal of a transaction the terminal does not know is refused', async () => {
    const result = await refund({ poiTransactionId: 'SIM999999.0000000000000000', poiTimestamp: new Date().toISOString() }, 100);
    expect(result).toMatchObject({ state: 'failed', reason: 'NotFound: Original transaction not found', amount: null });
    expect(sim.reversals).toEqual([]);
  });

  it('a declined payment cannot be reversed', async () => {
    sim.script('decline');
    const declined = await pay(1099);
    const result = await refund(declined, 1099);
    expect(result).toMatchObject({ state: 'failed', reason: 'NotAllowed: Not reversible: the original payment ended declined' });
    expect(sim.reversals).toEqual([]);
  });

  it('a lost reversal answer throws a TerminalError the caller can tell from a refusal', async () => {
    const paid = await pay(1099);
    sim.scriptReversal('lost-response');
    const lost = await rejection(refund(paid, 500));
    expect(['timeout', 'protocol']).toContain(lost.reason);
    expect(lost.notStarted).toBe(false); // the outcome is unknown: here the terminal did give the money back
    expect(sim.reversals).toHaveLength(1);

    // A refusal is an answer, not an error: it resolves, with the terminal's reason.
    const refused = await refund(paid, 1000);
    expect(refused).toMatchObject({ state: 'failed', reason: expect.stringMatching(/^NotAllowed: .*5\.99 DKK left$/) });
    expect(sim.reversals).toHaveLength(1);
  });

  it('a busy terminal does not start the reversal', async () => {
    const paid = await pay(1099);
    sim.scriptReversal('busy');
    const busy = await rejection(refund(paid, 500));
    expect(busy.reason).toBe('busy');
    expect(busy.notStarted).toBe(true);
    expect(sim.reversals).toEqual([]);
    expect(await refund(paid, 500)).toMatchObject({ state: 'approved', amount: 500 });
  });
});

describe("the terminal's totals (reconciliation)", () => {
  it("the terminal's totals after two payments and one reversal are right, and a second reconciliation starts from zero", async () => {
    const first = await pay(1099);
    sim.script('decline');
    await pay(5000); // declined: moves no money, counts nowhere
    const second = await pay(2500);
    await refund(first, 500);

    const day = await totals();
    expect(day.payments).toEqual({ count: 2, amount: 3599 });
    expect(day.reversals).toEqual({ count: 1, amount: 500 });
    const brands = [first, second].map((p) => ({ brand: p.brand ?? '', count: 1, amount: p.amount ?? 0 }));
    expect(day.byBrand).toEqual(brands.sort((a, b) => a.brand.localeCompare(b.brand)));
    expect(day.byBrand.map((b) => b.brand)).toEqual(['mc', 'visa']);
    expect(day.poiReconciliationId).toBeTruthy();
    expect(sim.received.at(-1)).toBe('Reconciliation');

    const next = await totals();
    expect(next).toEqual({ poiReconciliationId: expect.any(String), payments: { count: 0, amount: 0 }, reversals: { count: 0, amount: 0 }, byBrand: [] });
    expect(next.poiReconciliationId).not.toBe(day.poiReconciliationId);
  });

  it('a transaction the hub never knew about shows in the terminal totals', async () => {
    const ours = await pay(1099);
    const offline = sim.addOfflineTransaction(250);
    const day = await totals();
    expect(day.payments).toEqual({ count: 2, amount: 1099 + 25000 });
    // Beside the hub's own one payment, the difference is exactly the payment it never saw.
    expect({ count: day.payments.count - 1, amount: day.payments.amount - (ours.amount ?? 0) }).toEqual({ count: 1, amount: 25000 });
    expect(day.byBrand).toContainEqual({ brand: offline.brand, count: 1, amount: 25000 });
  });

  it('a reversal of a payment from an earlier period counts in the period it was made', async () => {
    const paid = await pay(1099);
    expect((await totals()).payments).toEqual({ count: 1, amount: 1099 });
    await refund(paid, 1099);
    expect(await totals()).toMatchObject({ payments: { count: 0, amount: 0 }, reversals: { count: 1, amount: 1099 }, byBrand: [] });
  });

  it('a terminal busy with a payment refuses to reconcile and keeps the period open', async () => {
    sim.script({ slow: 5000 });
    const request = { saleId: 'sale-1', transactionId: 'tx-slow', serviceId: sid(), amount: 1099, currency: 'DKK' };
    const paying = terminal.pay(request);
    await until(() => sim.transactions.length === 1);
    const busy = await rejection(totals());
    expect(busy.reason).toBe('busy');
    await terminal.abort({ saleId: request.saleId, serviceId: sid(), originalServiceId: request.serviceId });
    expect(await paying).toMatchObject({ state: 'cancelled' });
    await pay(2000);
    expect((await totals()).payments).toEqual({ count: 1, amount: 2000 });
  });
});
