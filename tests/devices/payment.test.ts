// The Adyen driver against the terminal simulator over encrypted HTTPS: every outcome a lane must survive.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import adyen from '@adyen/api-library';
import { AdyenTerminal, TerminalError, type PaymentRequest } from '../../hub/src/devices/payment/index.js';
import { startTerminalSimulator, type Json, type TerminalSimulator } from '../../hub/src/devices/payment/simulator/index.js';

const KEY = { identifier: 'LaneKey', version: 3, passphrase: 'a shared secret for tests' };
const POI_ID = 'V400m-324688179';
const TIMEOUT_MS = 1500;

let sim: TerminalSimulator;
let terminal: AdyenTerminal;
let counter = 0;
/** A fresh ServiceID, at most 10 characters as nexo requires. */
const sid = (): string => `T${Date.now() % 1e6}${(counter++ % 100).toString().padStart(2, '0')}`;
const payment = (amount = 1099): PaymentRequest => ({ saleId: 'sale-1', transactionId: `tx-${counter}`, serviceId: sid(), amount, currency: 'DKK' });
const driver = (overrides: Partial<ConstructorParameters<typeof AdyenTerminal>[0]> = {}): AdyenTerminal =>
  new AdyenTerminal({ endpoint: sim.url, poiId: POI_ID, saleId: 'lane-1', key: KEY, caCertPath: sim.caCertPath, timeoutMs: TIMEOUT_MS, ...overrides });
const rejection = async (promise: Promise<unknown>): Promise<TerminalError> => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TerminalError);
  return error as TerminalError;
};
const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

beforeAll(async () => {
  sim = await startTerminalSimulator({ passphrase: KEY.passphrase, keyIdentifier: KEY.identifier, keyVersion: KEY.version, poiId: POI_ID });
  terminal = driver();
});
afterAll(() => sim.close());
beforeEach(async () => {
  await sim.reopen();
  sim.setDefault('approve');
});

describe('Adyen terminal driver against the simulator', () => {
  it('an approved payment reports brand, masked PAN and the exact amount (1099 øre is 10.99 on the wire)', async () => {
    const result = await terminal.pay(payment(1099));
    expect(result).toMatchObject({ state: 'approved', reason: null, amount: 1099 });
    expect(result.brand).toMatch(/^(mc|visa)$/);
    expect(result.maskedPan).toMatch(/^\d{6} \*{4} \d{4}$/);
    expect(result.poiTransactionId).toBeTruthy();
    expect(result.authCode).toMatch(/^\d{6}$/);
    expect(sim.transactions.at(-1)?.amount).toBe(10.99);
  });

  it('a declined payment says why', async () => {
    sim.script('decline');
    const result = await terminal.pay(payment());
    expect(result).toMatchObject({ state: 'declined', amount: null, brand: null, maskedPan: null });
    expect(result.reason).toBe('Refusal: 05 : Not approved');
  });

  it('a customer who cancels at the terminal ends the payment as cancelled', async () => {
    sim.script('customer-cancel');
    expect(await terminal.pay(payment())).toMatchObject({ state: 'cancelled', reason: 'Cancel: Cancelled' });
  });

  it('a busy terminal refuses without starting the payment', async () => {
    sim.script('busy');
    const before = sim.transactions.length;
    const error = await rejection(terminal.pay(payment()));
    expect(error.reason).toBe('busy');
    expect(error.notStarted).toBe(true);
    expect(sim.transactions.length).toBe(before);
  });

  it('a slow customer still completes the payment within the timeout', async () => {
    sim.script({ slow: 600 });
    expect(await terminal.pay(payment())).toMatchObject({ state: 'approved', amount: 1099 });
  });

  it('a lost response leaves the outcome unknown, and transaction status recovers the approval', async () => {
    sim.script('lost-response');
    const request = payment(4250);
    const error = await rejection(terminal.pay(request));
    expect(['timeout', 'protocol']).toContain(error.reason);
    expect(error.notStarted).toBe(false);
    const status = await terminal.status({ saleId: request.saleId, serviceId: sid(), originalServiceId: request.serviceId });
    expect(status).toMatchObject({ state: 'approved', amount: 4250, poiTransactionId: sim.transactions.at(-1)?.poiTransactionId });
  });

  it('transaction status of a ServiceID the terminal never saw is not-found', async () => {
    expect(await terminal.status({ saleId: 'sale-1', serviceId: sid(), originalServiceId: 'NEVER1' })).toEqual({ state: 'not-found' });
  });

  it('a payment the customer is still busy with times out, reports in-progress, and an abort ends it as cancelled', async () => {
    sim.script('in-progress');
    const request = payment();
    expect((await rejection(terminal.pay(request))).reason).toBe('timeout');
    const ask = () => terminal.status({ saleId: request.saleId, serviceId: sid(), originalServiceId: request.serviceId });
    expect(await ask()).toEqual({ state: 'in-progress' });
    await terminal.abort({ saleId: request.saleId, serviceId: sid(), originalServiceId: request.serviceId });
    expect(await ask()).toMatchObject({ state: 'cancelled', reason: 'Aborted: Aborted' });
  });

  it('aborting a slow payment ends it as cancelled', async () => {
    sim.script({ slow: 5000 });
    const request = payment();
    const paying = terminal.pay(request);
    await until(() => sim.transactions.at(-1)?.serviceId === request.serviceId);
    await terminal.abort({ saleId: request.saleId, serviceId: sid(), originalServiceId: request.serviceId });
    expect(await paying).toMatchObject({ state: 'cancelled' });
  });

  it('a payment reversed in full cannot be reversed again', async () => {
    const paid = await terminal.pay(payment(1099));
    const reverse = () => terminal.reverse({
      saleId: 'sale-1', serviceId: sid(), poiTransactionId: paid.poiTransactionId ?? '', poiTimestamp: paid.poiTimestamp ?? '', amount: 1099, currency: 'DKK',
    });
    const refund = await reverse();
    expect(refund).toMatchObject({ state: 'approved', amount: 1099 });
    expect(refund.poiTransactionId).not.toBe(paid.poiTransactionId);
    expect(await reverse()).toMatchObject({ state: 'failed', reason: 'NotAllowed: Already reversed in full' });
    expect(sim.transactions.find((t) => t.poiTransactionId === paid.poiTransactionId)).toMatchObject({ reversed: true, reversedAmount: 10.99 });
  });

  it('a wrong shared key is refused by the terminal and nothing is paid', async () => {
    const before = sim.transactions.length;
    const wrong = driver({ key: { ...KEY, passphrase: 'not the shared secret' } });
    const error = await rejection(wrong.pay(payment()));
    expect(error.reason).toBe('protocol');
    expect(error.message).toMatch(/shared key/);
    expect(sim.transactions.length).toBe(before);
  });

  it('an unreachable terminal is reported quickly as unreachable', async () => {
    sim.script('unreachable');
    const started = Date.now();
    const error = await rejection(terminal.pay(payment()));
    expect(error.reason).toBe('unreachable');
    expect(error.notStarted).toBe(true);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('a terminal whose certificate the configured CA did not sign is not trusted', async () => {
    const untrusting = driver({ caCertPath: sim.caCertPath.replace(/ca\.pem$/, 'terminal.pem') });
    const error = await rejection(untrusting.pay(payment()));
    expect(error.reason).toBe('protocol');
    expect(error.message).toMatch(/certificate/);
  });

  it('a ServiceID longer than nexo allows never leaves the hub', async () => {
    const requests = sim.requests;
    await expect(terminal.pay({ ...payment(), serviceId: '12345678901' })).rejects.toThrow(RangeError);
    expect(sim.requests).toBe(requests);
  });
});

describe('simulator responses against the vendor models', () => {
  /** Every leaf path of a JSON value, so a field the serializer drops shows as a missing path. */
  const paths = (value: unknown, prefix = ''): string[] =>
    value && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, child]) => paths(child, `${prefix}.${key}`))
      : [prefix];

  it('every kind of response the simulator sends survives ObjectSerializer with no field dropped', async () => {
    const { ObjectSerializer } = adyen.Types.terminal;
    const first = sim.responses.length;
    const paid = await terminal.pay(payment());
    for (const outcome of ['decline', 'customer-cancel', 'busy'] as const) {
      sim.script(outcome);
      await terminal.pay(payment()).catch(() => undefined);
    }
    for (const originalServiceId of [sim.transactions.at(-1)?.serviceId ?? '', 'NEVER2']) {
      await terminal.status({ saleId: 'sale-1', serviceId: sid(), originalServiceId });
    }
    // A part, more than is left, the rest, and a payment the terminal never made.
    for (const [amount, poiTransactionId] of [[400, paid.poiTransactionId], [1000, paid.poiTransactionId], [699, paid.poiTransactionId], [100, 'NEVER3']] as const) {
      await terminal.reverse({ saleId: 'sale-1', serviceId: sid(), poiTransactionId: poiTransactionId ?? '', poiTimestamp: paid.poiTimestamp ?? '', amount, currency: 'DKK' });
    }
    await terminal.totals({ saleId: 'sale-1', serviceId: sid() });
    await terminal.totals({ saleId: 'sale-1', serviceId: sid() }); // an empty period
    const sent: Json[] = sim.responses.slice(first);
    expect(sent).toHaveLength(12);
    const kinds = new Set(sent.map((message) => Object.keys(message.SaleToPOIResponse as Json).find((k) => k !== 'MessageHeader')));
    expect([...kinds].sort()).toEqual(['PaymentResponse', 'ReconciliationResponse', 'ReversalResponse', 'TransactionStatusResponse']);
    for (const message of sent) {
      const model: unknown = ObjectSerializer.deserialize(message, 'TerminalApiResponse');
      const roundTripped = ObjectSerializer.serialize(model, 'TerminalApiResponse') as unknown;
      expect(paths(JSON.parse(JSON.stringify(roundTripped))).sort()).toEqual(paths(message).sort());
    }
  });
});
