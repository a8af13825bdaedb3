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

export const laneSyncPayload = z.object({}).strict();
export type LaneSyncPayload = z.infer<typeof laneSyncPayload>;
