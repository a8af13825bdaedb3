/** Restaurant orders over the wire: the classic meal and a cola, acks unwrapped, a guest's order placed at the kiosk, the next order update heard. */
import { randomUUID } from 'node:crypto';
import type { ComboSelection, DiningOption, ItemSelection, OrderSelection, OrderView } from '@selfserve/shared';
import { nextSnapshot, type Client } from './hub.js';

/**
 * A classic meal: burger medium with bacon (grill), large onion rings (fryer, +500 extra), a large cola (drinks), and a note.
 * 10900 + 1200 + 1000 + 500 + 800 = 14400.
 */
export const MEAL: ComboSelection = {
  kind: 'combo',
  comboId: 'classic-menu',
  slots: {
    hovedret: { itemId: 'classic-burger', modifiers: { stegning: ['medium'], ekstra: ['bacon'] } },
    tilbehoer: { itemId: 'loegringe', sizeId: 'stor' },
    drik: { itemId: 'coca-cola', sizeId: '05l' },
  },
  note: 'ingen salt på løgringene',
};
export const COLA: ItemSelection = { kind: 'item', itemId: 'coca-cola' };

/** The data of an ack; a refusal throws, saying why. */
export const ok = <T>(ack: { ok: boolean; data?: T; error?: unknown }): T => {
  if (!ack.ok) throw new Error(`refused: ${JSON.stringify(ack.error)}`);
  return ack.data as T;
};

/**
 * A guest orders at the kiosk and pays at its terminal (or chooses to pay at the counter); resolves with the number on
 * their ticket once the kiosk is back at its start for the next guest.
 */
export async function placeOrder(
  kiosk: Client,
  items: Array<[OrderSelection, number]>,
  options: { dining?: DiningOption; pay?: 'kiosk' | 'counter' } = {},
): Promise<number> {
  ok(await kiosk.emitWithAck('order:setDining', { key: randomUUID(), dining: options.dining ?? 'eat-in' }));
  for (const [item, quantity] of items) ok(await kiosk.emitWithAck('order:add', { key: randomUUID(), item, quantity }));
  const placed = nextSnapshot(kiosk, (s) => s.status === 'finished' && s.order !== null, 10_000);
  const key = randomUUID();
  ok(await (options.pay === 'counter' ? kiosk.emitWithAck('order:payAtCounter', { key }) : kiosk.emitWithAck('lane:pay', { key })));
  const number = (await placed).order!.number;
  await nextSnapshot(kiosk, (s) => s.status === 'idle', 10_000).catch(() => undefined);
  return number;
}

/** Resolves with the next order update the client hears that satisfies `p`. */
export function nextOrder(c: Client, p: (o: OrderView) => boolean, timeoutMs = 10_000): Promise<OrderView> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no matching order update')), timeoutMs);
    const on = (o: OrderView) => {
      if (!p(o)) return;
      clearTimeout(timer);
      c.off('order:update', on);
      resolve(o);
    };
    c.on('order:update', on);
  });
}
