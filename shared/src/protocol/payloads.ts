/** Zod schemas of every client-to-hub payload; each is strict, so unknown fields are refused. */
import { z } from 'zod';

/** A client-made UUID, unique per lane: a replayed event with the same key gets the original ack. */
export const idempotencyKey = z.uuid();

export const MAX_QUANTITY = 999;

export const laneScanPayload = z
  .object({
    key: idempotencyKey,
    /** The raw scanned or typed code, exactly as the scanner gave it. */
    code: z.string().min(1).max(512),
    quantity: z.number().int().min(1).max(MAX_QUANTITY).optional(),
    /** Weight from the lane's scale, for weighed items. */
    weightGrams: z.number().int().min(1).max(100_000).optional(),
    /** Where the code came from, for the journal and insights. */
    source: z.enum(['wedge', 'camera', 'keyboard', 'search']).optional(),
  })
  .strict();
export type LaneScanPayload = z.infer<typeof laneScanPayload>;

export const laneSetQuantityPayload = z
  .object({
    key: idempotencyKey,
    lineId: z.string().min(1).max(64),
    quantity: z.number().int().min(1).max(MAX_QUANTITY),
  })
  .strict();
export type LaneSetQuantityPayload = z.infer<typeof laneSetQuantityPayload>;

export const laneRemoveLinePayload = z
  .object({ key: idempotencyKey, lineId: z.string().min(1).max(64) })
  .strict();
export type LaneRemoveLinePayload = z.infer<typeof laneRemoveLinePayload>;

export const laneCancelPayload = z.object({ key: idempotencyKey }).strict();
export type LaneCancelPayload = z.infer<typeof laneCancelPayload>;

/** The shopper asks to pay the basket's total at the lane's terminal. */
export const lanePayPayload = z.object({ key: idempotencyKey }).strict();
export type LanePayPayload = z.infer<typeof lanePayPayload>;

/** The shopper asks for the receipt of the sale just paid once more. */
export const laneReprintPayload = z.object({ key: idempotencyKey }).strict();
export type LaneReprintPayload = z.infer<typeof laneReprintPayload>;

/** Search the catalog by name (or browse items without a barcode when `query` is empty). */
export const catalogSearchPayload = z
  .object({
    query: z.string().max(64),
    /** Only items sold without a barcode: the picture grid of fruit, vegetables and bakery. */
    withoutBarcode: z.boolean().optional(),
    limit: z.number().int().min(1).max(60).optional(),
  })
  .strict();
export type CatalogSearchPayload = z.infer<typeof catalogSearchPayload>;

/** The shopper identifies as a member by phone number instead of a card. */
export const laneIdentifyPayload = z
  .object({ key: idempotencyKey, phone: z.string().regex(/^\+?[0-9 ]{6,20}$/, 'a phone number of 6 to 20 digits') })
  .strict();
export type LaneIdentifyPayload = z.infer<typeof laneIdentifyPayload>;

export const catalogPromotionsPayload = z.object({}).strict();

export const laneSyncPayload = z.object({}).strict();
export type LaneSyncPayload = z.infer<typeof laneSyncPayload>;
