/** Bad input at the restaurant's surfaces: each gets its coded answer, and nothing else in the hub changes. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaneSnapshot, OrderSelection } from '@selfserve/shared';
import { startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';
import { createStaff, signIn } from '../helpers/staff.js';
import { differences, fingerprint } from '../helpers/state-fingerprint.js';

let t: TestHub;
let kiosk: Client;
let kitchen: Client;
let board: Client;
let station: Client;
let awaitingId: string;
let preparingId: string;

const key = () => randomUUID();
const burger: OrderSelection = { kind: 'item', itemId: 'classic-burger', modifiers: { stegning: ['medium'] } };

beforeAll(async () => {
  t = await startTestHub({ restaurant: true, terminal: true, config: { checkout: { thankYouSeconds: 600 }, limits: { eventsPerSecond: 1000, eventBurst: 1000 } } });
  kiosk = await t.client(TOKENS.orderKiosk);
  kitchen = await t.client(TOKENS.kitchen);
  board = await t.client(TOKENS.board);
  station = await t.client(TOKENS.station);
  await signIn(station, await createStaff(t, 'attendant'));
  // One order waits at the counter, one is in the kitchen, and the kiosk holds a basket.
  await kiosk.emitWithAck('order:add', { key: key(), item: burger, quantity: 1 });
  const placed = await kiosk.emitWithAck('order:payAtCounter', { key: key() });
  expect(placed.ok).toBe(true);
  awaitingId = (await sync()).order!.id;
  await kiosk.emitWithAck('order:add', { key: key(), item: burger, quantity: 1 });
  await kiosk.emitWithAck('lane:pay', { key: key() });
  for (let i = 0; i < 100 && (await sync()).status !== 'finished'; i++) await new Promise((r) => setTimeout(r, 50));
  preparingId = (await sync()).order!.id;
  await kiosk.emitWithAck('order:add', { key: key(), item: burger, quantity: 2 });
});
afterAll(() => t?.close());

async function sync(): Promise<LaneSnapshot> {
  const s = await kiosk.emitWithAck('lane:sync', {});
  if (!s.ok) throw new Error(s.error.message);
  return s.data;
}
const state = async () => fingerprint(t.db, await Promise.all(['order-1', 'counter-1'].map((l) => t.hub.lanes.snapshot(l))));
const code = (ack: { ok: boolean; error?: { code: string } }) => (ack.ok ? 'ok' : ack.error!.code);

const CASES: Array<[string, string, () => Promise<{ ok: boolean; error?: { code: string } }>]> = [
  ['an unknown menu item', 'not-found', () => kiosk.emitWithAck('order:add', { key: key(), item: { kind: 'item', itemId: 'kaviar' }, quantity: 1 })],
  ['a required choice left empty', 'bad-choice', () => kiosk.emitWithAck('order:add', { key: key(), item: { kind: 'item', itemId: 'classic-burger', modifiers: { stegning: [] } }, quantity: 1 })],
  ['two options in a one-choice group', 'bad-choice', () => kiosk.emitWithAck('order:add', { key: key(), item: { kind: 'item', itemId: 'classic-burger', modifiers: { stegning: ['medium', 'gennemstegt'] } }, quantity: 1 })],
  ['an option of another group', 'bad-choice', () => kiosk.emitWithAck('order:add', { key: key(), item: { kind: 'item', itemId: 'classic-burger', modifiers: { stegning: ['bacon'] } }, quantity: 1 })],
  ['a side that is not in the meal', 'bad-choice', () => kiosk.emitWithAck('order:add', { key: key(), item: { kind: 'combo', comboId: 'classic-menu', slots: { tilbehoer: { itemId: 'brownie' } } }, quantity: 1 })],
  ['a note on a drink', 'bad-choice', () => kiosk.emitWithAck('order:add', { key: key(), item: { kind: 'item', itemId: 'coca-cola', note: 'med is' }, quantity: 1 })],
  ['a note longer than 140 characters', 'bad-payload', () => kiosk.emitWithAck('order:add', { key: key(), item: { ...burger, note: 'x'.repeat(141) }, quantity: 1 })],
  ['a negative quantity', 'bad-payload', () => kiosk.emitWithAck('order:add', { key: key(), item: burger, quantity: -1 })],
  ['21 of one burger', 'bad-payload', () => kiosk.emitWithAck('order:add', { key: key(), item: burger, quantity: 21 })],
  ['a price in the payload', 'bad-payload', () => kiosk.emitWithAck('order:add', { key: key(), item: { ...burger, price: 1 }, quantity: 1 } as never)],
  ['a "constructor" key in the modifiers', 'bad-payload', () => kiosk.emitWithAck('order:add', { key: key(), item: JSON.parse('{"kind":"item","itemId":"classic-burger","modifiers":{"constructor":["x"],"stegning":["medium"]}}'), quantity: 1 })],
  ['a quantity of 21 set on a line', 'quantity-limit', () => kiosk.emitWithAck('lane:setQuantity', { key: key(), lineId: 'L1', quantity: 21 })],
  ['a replacement for a line that is not there', 'not-found', () => kiosk.emitWithAck('order:replaceLine', { key: key(), lineId: 'L99', item: burger })],
  ['an unknown dining choice', 'bad-payload', () => kiosk.emitWithAck('order:setDining', { key: key(), dining: 'drive-in' } as never)],
  ['a kitchen bump of an unpaid order', 'not-allowed', () => kitchen.emitWithAck('kitchen:bump', { orderId: awaitingId })],
  ['a bump of an item the order lacks', 'not-found', () => kitchen.emitWithAck('kitchen:bump', { orderId: preparingId, itemId: 'L9.9' })],
  ['a recall of an order not bumped', 'not-allowed', () => kitchen.emitWithAck('kitchen:recall', { orderId: preparingId })],
  ['a hand-over of an order not ready', 'not-allowed', () => kitchen.emitWithAck('order:handOver', { orderId: preparingId })],
  ['sold out for something not on the menu', 'not-found', () => kitchen.emitWithAck('menu:setSoldOut', { target: 'item:kaviar', soldOut: true })],
  ['a malformed sold-out key', 'bad-payload', () => kitchen.emitWithAck('menu:setSoldOut', { target: 'drop table', soldOut: true })],
  ['the board marking sold out', 'unauthorized', () => board.emitWithAck('menu:setSoldOut', { target: 'item:coca-cola', soldOut: true })],
  ['the kitchen taking cash', 'unauthorized', () => kitchen.emitWithAck('counter:pay', { key: key(), laneId: 'counter-1', orderId: awaitingId, method: 'cash' })],
  ['the kiosk finding orders', 'unauthorized', () => kiosk.emitWithAck('counter:find', { number: 1 })],
  ['an order number nobody has', 'not-found', () => station.emitWithAck('counter:find', { number: 998 })],
  ['cash at a lane that is no counter', 'not-allowed', () => station.emitWithAck('counter:pay', { key: key(), laneId: 'lane-1', orderId: awaitingId, method: 'cash' })],
  ['cash for an order already paid', 'not-allowed', () => station.emitWithAck('counter:pay', { key: key(), laneId: 'counter-1', orderId: preparingId, method: 'cash' })],
  ['a cancel of a paid order', 'not-allowed', () => station.emitWithAck('order:cancel', { orderId: preparingId })],
  ['a release when the counter holds nothing', 'not-allowed', () => station.emitWithAck('counter:release', { key: key(), laneId: 'counter-1' })],
];

describe('hostile input at the restaurant', () => {
  it.each(CASES)('%s is answered %s and changes nothing', async (_name, expected, send) => {
    const before = await state();
    expect(code(await send())).toBe(expected);
    // A refused request's answer is kept for its key (so a replay gets it again): that row is allowed.
    const after = await state();
    expect(differences(before, after, { row: (table) => table === 'idempotency' })).toEqual([]);
  });
});
