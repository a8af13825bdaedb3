/** A ready order nobody hands out leaves the board after the store's timeout, counted as collected. */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestHub, TOKENS, type TestHub } from '../helpers/hub.js';
import { COLA, nextOrder, ok, placeOrder } from '../helpers/orders.js';

let t: TestHub;
afterEach(() => t?.close());

describe('the order-status board', () => {
  it('a ready order leaves the board after restaurant.readySeconds without a hand-over', async () => {
    t = await startTestHub({ restaurant: true, terminal: true, config: { checkout: { thankYouSeconds: 0.2 }, restaurant: { readySeconds: 1 } } });
    const kiosk = await t.client(TOKENS.orderKiosk);
    const kitchen = await t.client(TOKENS.kitchen);
    const board = await t.client(TOKENS.board);
    await board.emitWithAck('orders:watch', {});
    const number = await placeOrder(kiosk, [[COLA, 1]]);
    const order = ok(await kitchen.emitWithAck('orders:watch', {})).orders.find((o) => o.number === number)!;
    const gone = nextOrder(board, (o) => o.id === order.id && o.status === 'collected', 10_000);
    ok(await kitchen.emitWithAck('kitchen:bump', { orderId: order.id }));
    const collected = await gone;
    expect(Date.parse(collected.closedAt!) - Date.parse(collected.readyAt!)).toBeGreaterThanOrEqual(1000);
    expect(ok(await board.emitWithAck('orders:watch', {})).orders).toEqual([]);
  });
});
