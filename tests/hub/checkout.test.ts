import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { LaneSnapshot } from '@selfserve/shared';
import { COLA, MILK } from '../helpers/catalog.js';
import { nextSnapshot, startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';

let t: TestHub;
afterEach(() => t?.close());

async function start(options: { terminalTimeoutMs?: number } = {}) {
  t = await startTestHub({ terminal: true, terminalTimeoutMs: options.terminalTimeoutMs ?? 5000, config: { checkout: { thankYouSeconds: 0.3, statusRetryMs: 50 } } });
  const kiosk = await t.client(TOKENS.kiosk1);
  const cfd = await t.client(TOKENS.cfd1);
  await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code: MILK });
  await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code: COLA });
  return { kiosk, cfd };
}

const pay = (kiosk: Client, key = randomUUID()) => kiosk.emitWithAck('lane:pay', { key });
const sales = () => t.db.all<{ id: string; status: string; total: number }>('SELECT id, status, total FROM sales ORDER BY number');
const payments = () => t.db.all<{ state: string; amount: number }>('SELECT state, amount FROM payments ORDER BY created_at');
const until = (c: Client, p: (s: LaneSnapshot) => boolean) => nextSnapshot(c, p, 10_000);

describe('paying at the lane\'s terminal', () => {
  it('an approved payment finishes the sale, shows the receipt number, and the lane then waits for the next shopper', async () => {
    const { kiosk, cfd } = await start();
    const paid = until(cfd, (s) => s.status === 'finished');
    expect(await pay(kiosk)).toMatchObject({ ok: true });
    const s = await paid;
    expect(s.payment).toMatchObject({ state: 'approved', amount: 3295, brand: expect.any(String), maskedPan: expect.stringMatching(/\*/) });
    expect(s.receipt).toMatchObject({ number: 1 });
    expect(await sales()).toEqual([{ id: s.receipt!.saleId, status: 'paid', total: 3295 }]);
    expect(await payments()).toEqual([{ state: 'approved', amount: 3295 }]);
    expect(t.terminal!.transactions).toMatchObject([{ amount: 32.95, currency: 'DKK', state: 'approved' }]);
    const next = await until(cfd, (x) => x.status === 'idle');
    expect(next).toMatchObject({ lines: [], payment: null, receipt: null, visitId: null });
  });

  it('the next shopper\'s first scan during the thank-you starts a new visit', async () => {
    t = await startTestHub({ terminal: true, config: { checkout: { thankYouSeconds: 60 } } });
    const kiosk = await t.client(TOKENS.kiosk1);
    const cfd = await t.client(TOKENS.cfd1);
    await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code: MILK });
    const done = until(cfd, (s) => s.status === 'finished');
    await pay(kiosk);
    const paid = await done;
    expect(await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code: COLA })).toMatchObject({ ok: true });
    const s = await kiosk.emitWithAck('lane:sync', {});
    expect(s).toMatchObject({ ok: true, data: { status: 'scanning', payment: null, receipt: null, lines: [{ productId: 'cola' }] } });
    if (s.ok) expect(s.data.visitId).not.toBe(paid.visitId);
  });

  it('the kiosk is told to follow the terminal while it works', async () => {
    const { kiosk, cfd } = await start();
    t.terminal!.script({ slow: 400 });
    const waiting = until(cfd, (s) => s.status === 'payment');
    await pay(kiosk);
    expect((await waiting).payment).toMatchObject({ state: 'waiting', amount: 3295 });
    await until(cfd, (s) => s.status === 'finished');
  });

  it('a declined payment returns the shopper to the basket with the terminal\'s reason, and nothing is sold', async () => {
    const { kiosk, cfd } = await start();
    t.terminal!.script('decline');
    const back = until(cfd, (s) => s.status === 'scanning' && s.payment?.state === 'declined');
    await pay(kiosk);
    const s = await back;
    expect(s.payment?.reason).toMatch(/Refusal/);
    expect(s.lines).toHaveLength(2);
    expect((await sales())[0]).toMatchObject({ status: 'pending' });
    // Paying again opens a new sale; the refused one is abandoned.
    await pay(kiosk);
    await until(cfd, (x) => x.status === 'finished');
    expect((await sales()).map((x) => x.status)).toEqual(['abandoned', 'paid']);
  });

  it('a customer who cancels at the terminal is back at the basket', async () => {
    const { kiosk, cfd } = await start();
    t.terminal!.script('customer-cancel');
    const back = until(cfd, (s) => s.payment?.state === 'cancelled');
    await pay(kiosk);
    expect((await back).status).toBe('scanning');
  });

  it('three failed payments in a row call staff and block the lane', async () => {
    const { kiosk, cfd } = await start();
    for (let i = 1; i <= 3; i++) {
      t.terminal!.script('decline');
      const back = until(cfd, (s) => s.payment?.state === 'declined' && s.payment.failures === i);
      await pay(kiosk);
      await back;
    }
    const s = await kiosk.emitWithAck('lane:sync', {});
    expect(s).toMatchObject({ ok: true, data: { interventions: [{ reason: 'payment-failed', blocks: 'lane' }] } });
    expect(await pay(kiosk)).toMatchObject({ ok: false, error: { code: 'lane-blocked' } });
  });

  it('a lost answer is resolved by asking the terminal, and the approval it finds finishes the sale', async () => {
    const { kiosk, cfd } = await start({ terminalTimeoutMs: 1500 });
    t.terminal!.script('lost-response');
    const checking = until(cfd, (s) => s.payment?.state === 'checking');
    const paid = until(cfd, (s) => s.status === 'finished');
    await pay(kiosk);
    await checking;
    expect((await paid).payment).toMatchObject({ state: 'approved' });
    expect(t.terminal!.transactions).toHaveLength(1); // charged once
  });

  it('an unreachable terminal sends the shopper back to the basket: nothing was charged', async () => {
    const { kiosk, cfd } = await start();
    t.terminal!.script('unreachable');
    const back = until(cfd, (s) => s.payment?.state === 'failed');
    await pay(kiosk);
    expect((await back).payment?.reason).toMatch(/cannot be reached/);
    expect(await payments()).toEqual([{ state: 'failed', amount: 3295 }]);
  });

  it('a replayed pay request starts nothing new', async () => {
    const { kiosk, cfd } = await start();
    t.terminal!.script({ slow: 300 });
    const key = randomUUID();
    const [a, b] = [await pay(kiosk, key), await pay(kiosk, key)];
    expect(a).toEqual(b);
    await until(cfd, (s) => s.status === 'finished');
    expect(t.terminal!.transactions).toHaveLength(1);
    expect(await payments()).toHaveLength(1);
  });

  it('a basket cannot be cancelled while the terminal is taking payment: the payment decides', async () => {
    const { kiosk, cfd } = await start();
    t.terminal!.script({ slow: 400 });
    await pay(kiosk);
    expect(await kiosk.emitWithAck('lane:cancel', { key: randomUUID() })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    await until(cfd, (s) => s.status === 'finished');
    expect((await sales())[0]).toMatchObject({ status: 'paid' });
  });

  it('paying again while a payment runs is refused', async () => {
    const { kiosk } = await start();
    t.terminal!.script({ slow: 500 });
    await pay(kiosk);
    expect(await pay(kiosk)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
  });

  it('an empty basket cannot be paid, nor a lane without a terminal', async () => {
    t = await startTestHub({ terminal: true });
    const kiosk = await t.client(TOKENS.kiosk1);
    expect(await pay(kiosk)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    const other = await t.client(TOKENS.kiosk2);
    await other.emitWithAck('lane:scan', { key: randomUUID(), code: MILK });
    expect(await pay(other)).toMatchObject({ ok: false, error: { code: 'not-allowed', message: /no payment terminal/ } });
  });
});
