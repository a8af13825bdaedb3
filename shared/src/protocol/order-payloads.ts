/** Zod schemas of the restaurant events: the kiosk's order, the kitchen's bumps, the counter's payments. */
import { z } from 'zod';
import { idempotencyKey } from './payloads.js';
import { MAX_NOTE_LENGTH, MAX_ORDER_QUANTITY } from '../order/configure.js';

/** Ids are also record keys here: names that would reach an object's prototype are refused. */
const menuId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, . _ - only')
  .refine((id) => id !== '__proto__' && id !== 'constructor' && id !== 'prototype', 'a reserved name');
const modifiers = z
  .record(menuId, z.array(menuId).max(50))
  .refine((m) => Object.keys(m).length <= 20, 'at most 20 modifier groups');
const note = z.string().max(MAX_NOTE_LENGTH, `a note is at most ${MAX_NOTE_LENGTH} characters`);

export const orderSelectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('item'), itemId: menuId, modifiers: modifiers.optional(), note: note.optional() }).strict(),
  z
    .object({
      kind: z.literal('combo'),
      comboId: menuId,
      slots: z
        .record(menuId, z.object({ itemId: menuId, sizeId: menuId.optional(), modifiers: modifiers.optional() }).strict())
        .refine((s) => Object.keys(s).length <= 10, 'at most 10 slots')
        .optional(),
      note: note.optional(),
    })
    .strict(),
]);

export const orderAddPayload = z
  .object({ key: idempotencyKey, item: orderSelectionSchema, quantity: z.number().int().min(1).max(MAX_ORDER_QUANTITY).default(1) })
  .strict();
export type OrderAddPayload = z.input<typeof orderAddPayload>;

/** The guest changed a line's choices from the basket. */
export const orderReplaceLinePayload = z.object({ key: idempotencyKey, lineId: z.string().min(1).max(64), item: orderSelectionSchema }).strict();
export type OrderReplaceLinePayload = z.infer<typeof orderReplaceLinePayload>;

export const orderDiningPayload = z.object({ key: idempotencyKey, dining: z.enum(['eat-in', 'take-away']) }).strict();
export type OrderDiningPayload = z.infer<typeof orderDiningPayload>;

/** The guest will pay at the counter: the order gets its number now and waits there. */
export const orderPayAtCounterPayload = z.object({ key: idempotencyKey }).strict();
export type OrderPayAtCounterPayload = z.infer<typeof orderPayAtCounterPayload>;

export const menuGetPayload = z.object({}).strict();
export const ordersWatchPayload = z.object({}).strict();

const orderId = z.string().min(1).max(64);

/** Bump one kitchen item (`itemId`), or the whole order. Bumping again changes nothing. */
export const kitchenBumpPayload = z.object({ orderId, itemId: z.string().min(1).max(80).optional() }).strict();
export type KitchenBumpPayload = z.infer<typeof kitchenBumpPayload>;

/** Brings a bumped order back to the kitchen (a bump by mistake). */
export const kitchenRecallPayload = z.object({ orderId }).strict();
export type KitchenRecallPayload = z.infer<typeof kitchenRecallPayload>;

/** Marks a menu item, combo or option sold out (or back), by its sold-out key. */
export const menuSoldOutPayload = z
  .object({ target: z.string().regex(/^(item|combo):[A-Za-z0-9._-]{1,64}$|^option:[A-Za-z0-9._-]{1,64}\/[A-Za-z0-9._-]{1,64}$/, 'item:<id>, combo:<id> or option:<group>/<option>'), soldOut: z.boolean() })
  .strict();
export type MenuSoldOutPayload = z.infer<typeof menuSoldOutPayload>;

/** The counter looks an order up by the number on the guest's ticket. */
export const counterFindPayload = z.object({ number: z.number().int().min(0).max(99_999) }).strict();
export type CounterFindPayload = z.infer<typeof counterFindPayload>;

/** Take an unpaid order's payment at a counter lane: by its card terminal, or as cash staff received. */
export const counterPayPayload = z.object({ key: idempotencyKey, laneId: z.string().min(1).max(64), orderId, method: z.enum(['card', 'cash']) }).strict();
export type CounterPayPayload = z.infer<typeof counterPayPayload>;

/** The counter lane lets go of an order it opened (a payment declined, the guest gone). */
export const counterReleasePayload = z.object({ key: idempotencyKey, laneId: z.string().min(1).max(64) }).strict();
export type CounterReleasePayload = z.infer<typeof counterReleasePayload>;

/** The guest collected the order; or staff cancel an order never paid. */
export const orderHandOverPayload = z.object({ orderId }).strict();
export type OrderHandOverPayload = z.infer<typeof orderHandOverPayload>;
export const orderCancelPayload = z.object({ orderId }).strict();
export type OrderCancelPayload = z.infer<typeof orderCancelPayload>;
