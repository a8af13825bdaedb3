/** Returns at the store: found by the receipt's code, re-priced so a broken multi-buy is paid for, refunded once. */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { LaneSnapshot, RefundResult, SaleForReturn } from '@selfserve/shared';
import { CHIPS, COLA, MILK, WATER } from '../helpers/catalog.js';
import { nextSnapshot, startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';
import { createStaff, signIn } from '../helpers/staff.js';

let t: TestHub;
afterEach(() => t?.close());

const key = () => randomUUID();
const data = <T>(ack: { ok: boolean; data?: T; error?: unknown }): T => {
  if (!ack.ok) throw new Error(`refused: ${JSON.stringify(ack.error)}`);
  return ack.data as T;
};

/** Sells the codes at lane 1 through the terminal simulator; returns the paid snapshot. */
async function sell(kiosk: Client, codes: Array<[string, number]>): Promise<LaneSnapshot> {
  for (const [code, quantity] of codes) data(await kiosk.emitWithAck('lane:scan', { key: key(), code, quantity }));
  const done = nextSnapshot(kiosk, (s) => s.status === 'finished', 10_000);
  data(await kiosk.emitWithAck('lane:pay', { key: key() }));
  return done;
}

async function start() {
  t = await startTestHub({ terminal: true, printer: true, config: { checkout: { thankYouSeconds: 0.2 } } });
  const kiosk = await t.client(TOKENS.kiosk1);
  const station = await t.client(TOKENS.station);
  await signIn(station, await createStaff(t, 'supervisor'));
  return { kiosk, station };
}

describe('returns and refunds', () => {
  it('a return of one line of a three-line sale with a multi-buy refunds what was paid for it, through the terminal', async () => {
    const { kiosk, station } = await start();
    // 3 colas for the price of 2 (40,00), milk 12,95, crisps 25,00: 77,95.
    const paid = await sell(kiosk, [[COLA, 3], [MILK, 1], [CHIPS, 1]]);
    expect(paid.totals.total).toBe(7795);
    const sale = data<SaleForReturn>(await station.emitWithAck('returns:find', { code: paid.receipt!.saleId }));
    expect(sale.lines.map((l) => [l.lineId, l.quantity, l.returnable])).toEqual([['L1', 3, 3], ['L2', 1, 1], ['L3', 1, 1]]);
    // One cola of three back: the two kept cost 40,00 without the offer, what was paid: nothing comes back.
    expect(data(await station.emitWithAck('returns:quote', { saleId: sale.saleId, lines: [{ lineId: 'L1', quantity: 1 }] }))).toMatchObject({ amount: 0 });
    // The whole cola line back: what was paid for it, 40,00, not 3 × 20,00.
    const refund = data<RefundResult>(await station.emitWithAck('returns:refund', { key: key(), saleId: sale.saleId, lines: [{ lineId: 'L1', quantity: 3 }], method: 'card' }));
    expect(refund).toMatchObject({ state: 'completed', amount: 4000, method: 'card', number: 1 });
    expect(t.terminal!.reversals).toMatchObject([{ amount: 40 }]);
    // A second return of the same line is refused; the milk can still come back, for what it cost.
    expect(await station.emitWithAck('returns:refund', { key: key(), saleId: sale.saleId, lines: [{ lineId: 'L1', quantity: 1 }], method: 'card' })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    const milk = data<RefundResult>(await station.emitWithAck('returns:refund', { key: key(), saleId: sale.saleId, lines: [{ lineId: 'L2', quantity: 1 }], method: 'cash' }));
    expect(milk).toMatchObject({ state: 'completed', amount: 1295, method: 'cash', number: 2 });
    const after = data<SaleForReturn>(await station.emitWithAck('returns:find', { code: String(sale.number) }));
    expect(after.lines.map((l) => l.returnable)).toEqual([0, 0, 1]);
    expect(after.refunds.map((r) => r.amount)).toEqual([4000, 1295]);
    // Upstream and on paper.
    const events = await t.db.all<{ event: string }>("SELECT event FROM outbox WHERE type = 'refund.completed.v1' ORDER BY seq");
    expect(events.map((e) => JSON.parse(e.event).data)).toMatchObject([{ amount: 4000, method: 'card', lines: [{ productId: 'cola', quantity: 3 }] }, { amount: 1295, method: 'cash' }]);
    await t.hub.printing.idle();
  });

  it('breaking a multi-buy refunds only what the kept items no longer earn: 4 colas, one back, refunds 20,00', async () => {
    const { kiosk, station } = await start();
    const paid = await sell(kiosk, [[COLA, 4]]);
    expect(paid.totals.total).toBe(6000);
    const r = data<RefundResult>(await station.emitWithAck('returns:refund', { key: key(), saleId: paid.receipt!.saleId, lines: [{ lineId: 'L1', quantity: 1 }], method: 'card' }));
    expect(r.amount).toBe(2000);
  });

  it('the deposit comes back with a returned bottle', async () => {
    const { kiosk, station } = await start();
    const paid = await sell(kiosk, [[WATER, 2]]);
    const q = data(await station.emitWithAck('returns:quote', { saleId: paid.receipt!.saleId, lines: [{ lineId: 'L1', quantity: 1 }] }));
    expect(q).toMatchObject({ amount: 1100, deposit: 100 });
  });

  it('a refund replayed with its key is answered again, not paid twice; a refused reversal takes nothing back', async () => {
    const { kiosk, station } = await start();
    const paid = await sell(kiosk, [[MILK, 1], [CHIPS, 1]]);
    const k = key();
    const request = { key: k, saleId: paid.receipt!.saleId, lines: [{ lineId: 'L2', quantity: 1 }], method: 'card' as const };
    const first = data<RefundResult>(await station.emitWithAck('returns:refund', request));
    expect(data<RefundResult>(await station.emitWithAck('returns:refund', request))).toEqual(first);
    expect(t.terminal!.reversals).toHaveLength(1);
    // A busy terminal did not start the reversal: failed, and the milk can still come back.
    t.terminal!.scriptReversal('busy');
    const busy = data<RefundResult>(await station.emitWithAck('returns:refund', { key: key(), saleId: paid.receipt!.saleId, lines: [{ lineId: 'L1', quantity: 1 }], method: 'card' }));
    expect(busy).toMatchObject({ state: 'failed', reason: expect.stringContaining('busy') });
    // A lost answer may have paid out: unknown, and the milk counts as returned until staff have checked.
    t.terminal!.scriptReversal('lost-response');
    const lost = data<RefundResult>(await station.emitWithAck('returns:refund', { key: key(), saleId: paid.receipt!.saleId, lines: [{ lineId: 'L1', quantity: 1 }], method: 'card' }));
    expect(lost.state).toBe('unknown');
    expect(data<SaleForReturn>(await station.emitWithAck('returns:find', { code: paid.receipt!.saleId })).lines[0]!.returnable).toBe(0);
  });

  it('only a supervisor or above takes returns', async () => {
    const { station } = await start();
    // An attendant signed in at a lane's kiosk (its staff menu) may not.
    const attendant = await t.client(TOKENS.kiosk2);
    await signIn(attendant, await createStaff(t, 'attendant'));
    expect(await attendant.emitWithAck('returns:find', { code: '1' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await station.emitWithAck('returns:find', { code: '1' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('an unknown code and a sale not paid are not found', async () => {
    const { station } = await start();
    expect(await station.emitWithAck('returns:find', { code: 'demo-store-999999' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('bad return requests', () => {
  it('each is answered with its code and refunds nothing', async () => {
    const { kiosk, station } = await start();
    const paid = await sell(kiosk, [[MILK, 2]]);
    const saleId = paid.receipt!.saleId;
    const cases: Array<[unknown, string]> = [
      [{ key: key(), saleId, lines: [{ lineId: 'L1', quantity: 3 }], method: 'card' }, 'not-allowed'],
      [{ key: key(), saleId, lines: [{ lineId: 'L9', quantity: 1 }], method: 'card' }, 'not-found'],
      [{ key: key(), saleId, lines: [{ lineId: 'L1', quantity: 1 }, { lineId: 'L1', quantity: 1 }], method: 'card' }, 'bad-payload'],
      [{ key: key(), saleId, lines: [{ lineId: 'L1', quantity: -1 }], method: 'card' }, 'bad-payload'],
      [{ key: key(), saleId, lines: [], method: 'card' }, 'bad-payload'],
      [{ key: key(), saleId, lines: [{ lineId: 'L1', quantity: 1 }], method: 'voucher' }, 'bad-payload'],
      [{ key: key(), saleId, lines: [{ lineId: 'L1', quantity: 1 }], method: 'card', amount: 99_999 }, 'bad-payload'],
      [{ key: 'not-a-uuid', saleId, lines: [{ lineId: 'L1', quantity: 1 }], method: 'card' }, 'bad-payload'],
    ];
    for (const [payload, code] of cases) {
      expect(await station.emitWithAck('returns:refund', payload as never), JSON.stringify(payload)).toMatchObject({ ok: false, error: { code } });
    }
    expect(t.terminal!.reversals).toEqual([]);
    expect(await t.db.all('SELECT COUNT(*) AS n FROM refunds')).toEqual([{ n: 0 }]);
  });

  it('a refund left pending by a stop is marked unknown at the next start, its units counted as returned', async () => {
    const { kiosk } = await start();
    const paid = await sell(kiosk, [[MILK, 1]]);
    await t.db.run(
      "INSERT INTO refunds (id, number, sale_id, lane_id, method, amount, lines, state, service_id, staff_id, created_at) VALUES ('r-pending', 7, ?, 'lane-1', 'card', 1295, '[{\"lineId\":\"L1\",\"quantity\":1}]', 'pending', 'svc1', NULL, ?)",
      [paid.receipt!.saleId, new Date().toISOString()],
    );
    await t.hub.stop();
    const again = await startAgain();
    const sale = data<SaleForReturn>(await again.emitWithAck('returns:find', { code: paid.receipt!.saleId }));
    expect(sale.refunds).toMatchObject([{ refundId: 'r-pending', state: 'unknown' }]);
    expect(sale.lines[0]!.returnable).toBe(0);
  });
});

/** The same database under a fresh hub, and a supervisor signed in at its station. */
async function startAgain(): Promise<Client> {
  const { createHub } = await import('../../hub/src/app.js');
  const { createLogger } = await import('../../hub/src/log.js');
  const { testConfig } = await import('../helpers/hub.js');
  const hub = createHub({ config: testConfig(t.dir), db: t.db, log: createLogger('silent') });
  await hub.catalog.load();
  const { url } = await hub.start();
  const { io } = await import('socket.io-client');
  const station = io(url, { auth: { token: TOKENS.station }, transports: ['websocket'], reconnection: false }) as Client;
  await new Promise<void>((resolve) => station.once('connect', () => resolve()));
  await signIn(station, await createStaff(t, 'supervisor'));
  const close = t.close.bind(t);
  t.close = async () => {
    station.disconnect();
    await hub.stop();
    await close().catch(() => undefined);
  };
  return station;
}
