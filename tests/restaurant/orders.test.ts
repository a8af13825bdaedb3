/** Restaurant ordering end to end through the real hub: kiosk order, terminal, kitchen, board, counter, sold out. */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { LaneSnapshot, MenuAvailability, OrderSelection } from '@selfserve/shared';
import { nextSnapshot, startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';
import { COLA, MEAL, nextOrder, ok } from '../helpers/orders.js';
import { createStaff, signIn } from '../helpers/staff.js';

let t: TestHub;
afterEach(() => t?.close());

const key = () => randomUUID();
const until = (c: Client, p: (s: LaneSnapshot) => boolean) => nextSnapshot(c, p, 10_000);

async function start(options: { kitchenPrinter?: boolean } = {}) {
  t = await startTestHub({ restaurant: true, terminal: true, printer: true, ...options, config: { checkout: { thankYouSeconds: 0.5, statusRetryMs: 50 } } });
  return { kiosk: await t.client(TOKENS.orderKiosk), kitchen: await t.client(TOKENS.kitchen), board: await t.client(TOKENS.board) };
}

describe('an order at the ordering kiosk', () => {
  it('a combo with modifiers is priced by the hub, paid at the terminal, made in the kitchen and shown ready on the board', async () => {
    const { kiosk, kitchen, board } = await start({ kitchenPrinter: true });
    await kitchen.emitWithAck('orders:watch', {});
    await board.emitWithAck('orders:watch', {});
    ok(await kiosk.emitWithAck('order:setDining', { key: key(), dining: 'eat-in' }));
    const added = ok(await kiosk.emitWithAck('order:add', { key: key(), item: MEAL, quantity: 1 }));
    ok(await kiosk.emitWithAck('order:add', { key: key(), item: COLA, quantity: 2 }));
    const basket = ok(await kiosk.emitWithAck('lane:sync', {}));
    expect(basket.lines.find((l) => l.lineId === added.lineId)).toMatchObject({ unitPrice: 14400, order: { kind: 'combo', id: 'classic-menu', note: 'ingen salt på løgringene', orderable: true } });
    expect(basket.totals.total).toBe(14400 + 2 * 2900);
    expect(basket.dining).toBe('eat-in');

    const toKitchen = nextOrder(kitchen, (o) => o.status === 'preparing');
    const onBoard = nextOrder(board, (o) => o.status === 'preparing');
    const finished = until(kiosk, (s) => s.status === 'finished');
    ok(await kiosk.emitWithAck('lane:pay', { key: key() }));
    const done = await finished;
    expect(done.order).toMatchObject({ number: 1, payAt: 'kiosk' });
    expect(t.terminal!.transactions).toMatchObject([{ amount: 202, state: 'approved' }]);

    const order = await toKitchen;
    expect(order).toMatchObject({ number: 1, dining: 'eat-in', total: 20200, payment: { method: 'card' } });
    expect((await onBoard).number).toBe(1);
    // Routed by station: the burger to the grill, the onion rings to the fryer, the drinks to the bar.
    expect(order.kitchen.map((k) => [k.station, k.name.da, k.quantity])).toEqual([
      ['grill', 'Classic burger', 1],
      ['fryer', expect.stringContaining('Løgringe'), 1],
      ['drinks', 'Coca-Cola', 1],
      ['drinks', 'Coca-Cola', 2],
    ]);
    expect(order.kitchen[0]).toMatchObject({ modifiers: [{ da: 'Medium (rosa)' }, { da: 'Bacon' }], note: 'ingen salt på løgringene', combo: { da: 'Classic-menu' } });

    // One item bumped leaves the order in the kitchen; the rest bumped makes it ready on the board.
    expect(ok(await kitchen.emitWithAck('kitchen:bump', { orderId: order.id, itemId: order.kitchen[0]!.id })).status).toBe('preparing');
    const ready = nextOrder(board, (o) => o.status === 'ready');
    ok(await kitchen.emitWithAck('kitchen:bump', { orderId: order.id }));
    expect(await ready).toMatchObject({ number: 1, status: 'ready', readyAt: expect.any(String) });

    // The grill printed its ticket, with the note in capitals.
    await t.hub.printing.idle();
    await expect.poll(() => t.kitchenPrinter!.receipts.map((r) => r.text).join('\n')).toContain('INGEN SALT');
    // And the guest's receipt carries the order number.
    await expect.poll(() => t.printer!.receipts.map((r) => r.text).join('\n')).toContain('ORDRE 1');
  });

  it('the kitchen recalls the order it bumped by mistake, and the counter hands a ready order out', async () => {
    const { kiosk, kitchen, board } = await start();
    await kitchen.emitWithAck('orders:watch', {});
    await board.emitWithAck('orders:watch', {});
    ok(await kiosk.emitWithAck('order:add', { key: key(), item: COLA, quantity: 1 }));
    const preparing = nextOrder(kitchen, (o) => o.status === 'preparing');
    ok(await kiosk.emitWithAck('lane:pay', { key: key() }));
    const order = await preparing;
    ok(await kitchen.emitWithAck('kitchen:bump', { orderId: order.id }));
    expect(ok(await kitchen.emitWithAck('orders:watch', {})).lastBumped).toBe(order.id);
    const back = ok(await kitchen.emitWithAck('kitchen:recall', { orderId: order.id }));
    expect(back).toMatchObject({ status: 'preparing', readyAt: null, kitchen: [{ bumpedAt: null }] });
    ok(await kitchen.emitWithAck('kitchen:bump', { orderId: order.id }));
    const gone = nextOrder(board, (o) => o.status === 'collected');
    ok(await kitchen.emitWithAck('order:handOver', { orderId: order.id }));
    expect((await gone).closedAt).toEqual(expect.any(String));
    expect(ok(await board.emitWithAck('orders:watch', {})).orders).toEqual([]);
  });

  it('a guest paying at the counter gets a number at once; the counter finds it, takes cash, and only then the kitchen sees it', async () => {
    const { kiosk, kitchen } = await start();
    await kitchen.emitWithAck('orders:watch', {});
    ok(await kiosk.emitWithAck('order:setDining', { key: key(), dining: 'take-away' }));
    ok(await kiosk.emitWithAck('order:add', { key: key(), item: MEAL, quantity: 1 }));
    const placed = until(kiosk, (s) => s.status === 'finished');
    ok(await kiosk.emitWithAck('order:payAtCounter', { key: key() }));
    const number = (await placed).order!.number;
    expect((await placed).order).toMatchObject({ payAt: 'counter' });
    await expect.poll(() => t.printer!.receipts.map((r) => r.text).join('\n')).toContain('Betal ved disken');
    expect(ok(await kitchen.emitWithAck('orders:watch', {})).orders).toMatchObject([{ number, status: 'awaiting-payment' }]);
    expect(await kitchen.emitWithAck('kitchen:bump', { orderId: (await placed).order!.id })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });

    const station = await t.client(TOKENS.station);
    await signIn(station, await createStaff(t, 'attendant'));
    const found = ok(await station.emitWithAck('counter:find', { number }));
    expect(found).toMatchObject({ status: 'awaiting-payment', total: 14400, dining: 'take-away' });
    const released = nextOrder(kitchen, (o) => o.id === found.id && o.status === 'preparing');
    const payKey = key();
    ok(await station.emitWithAck('counter:pay', { key: payKey, laneId: 'counter-1', orderId: found.id, method: 'cash' }));
    expect(await released).toMatchObject({ payment: { method: 'cash' } });
    // The same request again changes nothing: one sale, one payment.
    ok(await station.emitWithAck('counter:pay', { key: payKey, laneId: 'counter-1', orderId: found.id, method: 'cash' }));
    expect(await t.db.all('SELECT lane_id AS laneId, status, total FROM sales')).toEqual([{ laneId: 'counter-1', status: 'paid', total: 14400 }]);
    const events = await t.db.all<{ event: string }>("SELECT event FROM outbox WHERE type = 'sale.completed.v1'");
    expect(JSON.parse(events[0]!.event).data).toMatchObject({ channel: { kind: 'counter' }, payment: { method: 'cash' }, order: { number, dining: 'take-away', paidAt: 'counter' } });
  });

  it('a card payment at the counter uses the counter\'s terminal and releases the order when approved', async () => {
    const { kiosk, kitchen } = await start();
    await kitchen.emitWithAck('orders:watch', {});
    ok(await kiosk.emitWithAck('order:add', { key: key(), item: COLA, quantity: 1 }));
    const placed = until(kiosk, (s) => s.status === 'finished');
    ok(await kiosk.emitWithAck('order:payAtCounter', { key: key() }));
    const orderId = (await placed).order!.id;
    const station = await t.client(TOKENS.station);
    await signIn(station, await createStaff(t, 'attendant'));
    await station.emitWithAck('staff:watch', {});
    const released = nextOrder(kitchen, (o) => o.id === orderId && o.status === 'preparing');
    ok(await station.emitWithAck('counter:pay', { key: key(), laneId: 'counter-1', orderId, method: 'card' }));
    expect(await released).toMatchObject({ payment: { method: 'card' } });
    expect(t.terminal!.transactions).toMatchObject([{ amount: 29, state: 'approved' }]);
    // An unpaid order can be cancelled; a paid one cannot.
    expect(await station.emitWithAck('order:cancel', { orderId })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
  });
});

describe('sold out', () => {
  it('marking an item sold out reaches every ordering kiosk at once, and adding it is refused', async () => {
    const { kiosk, kitchen } = await start();
    const second = await t.client(TOKENS.orderCfd);
    await kiosk.emitWithAck('menu:get', {});
    await second.emitWithAck('menu:get', {});
    const heard = [kiosk, second].map((c) => new Promise<MenuAvailability>((resolve) => c.once('menu:availability', resolve)));
    ok(await kitchen.emitWithAck('menu:setSoldOut', { target: 'item:coca-cola', soldOut: true }));
    for (const a of await Promise.all(heard)) expect(a.soldOut).toContain('item:coca-cola');
    expect(await kiosk.emitWithAck('order:add', { key: key(), item: COLA, quantity: 1 })).toMatchObject({ ok: false, error: { code: 'sold-out', detail: { id: 'coca-cola' } } });
    const audit = await t.db.all<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'menu-%'");
    expect(audit).toEqual([{ action: 'menu-sold-out' }]);
  });

  it('an order holding an item sold out since is refused at payment with the line named, and nothing is charged', async () => {
    const { kiosk, kitchen } = await start();
    const { lineId } = ok(await kiosk.emitWithAck('order:add', { key: key(), item: MEAL, quantity: 1 }));
    const flagged = until(kiosk, (s) => s.lines.some((l) => l.order?.orderable === false));
    ok(await kitchen.emitWithAck('menu:setSoldOut', { target: 'option:ekstra/bacon', soldOut: true }));
    expect((await flagged).lines[0]).toMatchObject({ lineId, order: { orderable: false } });
    expect(await kiosk.emitWithAck('lane:pay', { key: key() })).toMatchObject({ ok: false, error: { code: 'sold-out', detail: { lineId } } });
    expect(await kiosk.emitWithAck('order:payAtCounter', { key: key() })).toMatchObject({ ok: false, error: { code: 'sold-out' } });
    expect(t.terminal!.transactions).toEqual([]);
    // Changed without the bacon, it can be paid.
    const noBacon = { ...MEAL, slots: { ...MEAL.slots, hovedret: { itemId: 'classic-burger', modifiers: { stegning: ['medium'] } } } } as OrderSelection;
    ok(await kiosk.emitWithAck('order:replaceLine', { key: key(), lineId, item: noBacon }));
    const finished = until(kiosk, (s) => s.status === 'finished');
    ok(await kiosk.emitWithAck('lane:pay', { key: key() }));
    expect((await finished).totals.total).toBe(13200);
  });

  it('a board cannot bump, a display cannot mark sold out, a kiosk cannot watch the kitchen', async () => {
    const { kiosk, board } = await start();
    expect(await board.emitWithAck('kitchen:bump', { orderId: 'x' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const cfd = await t.client(TOKENS.orderCfd);
    expect(await cfd.emitWithAck('menu:setSoldOut', { target: 'item:coca-cola', soldOut: true })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await kiosk.emitWithAck('orders:watch', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await kiosk.emitWithAck('order:add', { key: key(), item: { kind: 'item', itemId: 'classic-burger', modifiers: { stegning: [] } }, quantity: 1 })).toMatchObject({ ok: false, error: { code: 'bad-choice' } });
    expect(await kiosk.emitWithAck('order:add', { key: key(), item: { kind: 'item', itemId: 'classic-burger' }, quantity: -1 })).toMatchObject({ ok: false, error: { code: 'bad-payload' } });
    const checkout = await t.client(TOKENS.kiosk1);
    expect(await checkout.emitWithAck('order:add', { key: key(), item: COLA, quantity: 1 })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
  });
});
