import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { LaneSnapshot } from '@selfserve/shared';
import { MILK } from '../helpers/catalog.js';
import { nextSnapshot, startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';
import { recordReliability } from '../helpers/reliability.js';

let t: TestHub;
afterEach(() => t?.close());

const figures = { faults: 0, checked: 0 };

async function start(timeoutMs = 1500) {
  t = await startTestHub({ terminal: true, terminalTimeoutMs: timeoutMs, config: { checkout: { thankYouSeconds: 60, statusRetryMs: 100 } } });
  const kiosk = await t.client(TOKENS.kiosk1);
  await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code: MILK });
  return kiosk;
}
const until = (c: Client, p: (s: LaneSnapshot) => boolean) => nextSnapshot(c, p, 15_000);
const journal = () => t.db.all<{ state: string }>('SELECT state FROM payments ORDER BY created_at');
const paidSales = async () => (await t.db.all<{ n: number }>("SELECT COUNT(*) AS n FROM sales WHERE status = 'paid'"))[0]!.n;

describe('the terminal fails; the journal decides', () => {
  it('approved, but the reply is lost: a status request finds the approval before anything is sent again', async () => {
    const kiosk = await start();
    t.terminal!.script('lost-response');
    const paid = until(kiosk, (s) => s.status === 'finished');
    await kiosk.emitWithAck('lane:pay', { key: randomUUID() });
    expect((await paid).payment).toMatchObject({ state: 'approved' });
    expect(t.terminal!.received.slice(0, 2)).toEqual(['Payment', 'TransactionStatus']);
    expect(t.terminal!.received.filter((c) => c === 'Payment')).toHaveLength(1);
    expect(t.terminal!.transactions.filter((x) => x.state === 'approved')).toHaveLength(1);
    expect(await paidSales()).toBe(1);
    figures.faults++;
    figures.checked++;
  });

  it('unreachable: the payment fails at once, nothing is charged, and the shopper may try again', async () => {
    const kiosk = await start();
    t.terminal!.script('unreachable');
    const failed = until(kiosk, (s) => s.payment?.state === 'failed');
    await kiosk.emitWithAck('lane:pay', { key: randomUUID() });
    expect((await failed).status).toBe('scanning');
    expect(await journal()).toEqual([{ state: 'failed' }]);
    expect(t.terminal!.transactions).toHaveLength(0);
    await t.terminal!.reopen();
    const paid = until(kiosk, (s) => s.status === 'finished');
    await kiosk.emitWithAck('lane:pay', { key: randomUUID() });
    await paid;
    expect(await paidSales()).toBe(1);
    figures.faults++;
    figures.checked++;
  });

  it('slow past the timeout: the hub asks for the status until the terminal decides, and charges once', async () => {
    const kiosk = await start(1000);
    t.terminal!.script({ slow: 2500 }); // the shopper takes longer than the driver waits
    const checking = until(kiosk, (s) => s.payment?.state === 'checking');
    const paid = until(kiosk, (s) => s.status === 'finished');
    await kiosk.emitWithAck('lane:pay', { key: randomUUID() });
    await checking;
    expect((await paid).payment).toMatchObject({ state: 'approved' });
    const received = t.terminal!.received;
    expect(received[0]).toBe('Payment');
    expect(received.slice(1).every((c) => c === 'TransactionStatus')).toBe(true);
    expect(t.terminal!.transactions.filter((x) => x.state === 'approved')).toHaveLength(1);
    expect(await paidSales()).toBe(1);
    figures.faults++;
    figures.checked++;
    recordReliability('terminal', {
      what: 'approval with its reply lost, terminal unreachable, terminal slower than the timeout: each resolved by a status request (or failed before charging), one charge per sale',
      faultsInjected: figures.faults,
      checked: figures.checked,
      inputsTried: 0,
      violations: 0,
    });
  });
});
