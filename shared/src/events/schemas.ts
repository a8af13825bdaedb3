/**
 * The events the store sends upstream, as CloudEvents 1.0 with versioned types. Each `data` has a strict
 * schema here; docs/events.md carries their JSON Schemas, generated from these and checked by a test.
 * Money is integer minor units; rates are basis points. No names, phone numbers or card numbers ever.
 */
import { z } from 'zod';

const minor = z.number().int();
const id = z.string().min(1).max(128);

const discount = z.object({ campaignId: z.string(), amount: minor }).strict();

export const saleLine = z
  .object({
    lineId: z.string(),
    productId: z.string(),
    /** The GTIN-14 scanned or the product's first GTIN; null for PLU and label items without one. */
    gtin: z.string().regex(/^\d{14}$/).nullable(),
    /** The code as scanned or typed (GTIN, PLU or in-store label). */
    code: z.string(),
    name: z.string(),
    department: z.string().nullable(),
    unit: z.enum(['each', 'kg']),
    quantity: z.number().int().min(1),
    weightGrams: z.number().int().min(1).nullable(),
    unitPrice: minor,
    grossPrice: minor,
    paidPrice: minor,
    vatRate: z.number().int(),
    /** Each campaign's share of this line's discount: the attribution marketing measures. */
    discounts: z.array(discount),
    priceOverridden: z.boolean(),
  })
  .strict();

const vatRow = z.object({ rate: z.number().int(), gross: minor, vat: minor, net: minor }).strict();

export const ageCheckRecord = z
  .object({
    requiredAge: z.number().int(),
    outcome: z.enum(['approved', 'rejected']),
    method: z.enum(['id-seen', 'date-of-birth']).nullable(),
    at: z.iso.datetime({ offset: true }),
  })
  .strict();

export type AgeCheckRecord = z.infer<typeof ageCheckRecord>;

export const saleCompletedV1 = z
  .object({
    saleId: id,
    number: z.number().int().min(1),
    storeId: id,
    /** lane: a self-checkout; kiosk: a restaurant ordering kiosk; counter: an order paid at the restaurant's counter. */
    channel: z.object({ kind: z.enum(['lane', 'kiosk', 'counter']), laneId: id }).strict(),
    /** The lane's kiosk (or other device) that rang the sale up, when known. */
    deviceId: z.string().nullable(),
    visitId: id,
    startedAt: z.iso.datetime({ offset: true }),
    completedAt: z.iso.datetime({ offset: true }),
    currency: z.string().regex(/^[A-Z]{3}$/),
    lines: z.array(saleLine),
    /** Promotions and coupons applied, with what each took off the basket. */
    campaigns: z.array(z.object({ campaignId: z.string(), kind: z.string(), name: z.string(), amount: minor }).strict()),
    totals: z.object({ gross: minor, discount: minor, total: minor, itemCount: z.number().int(), vat: z.array(vatRow) }).strict(),
    payment: z.object({ method: z.enum(['card', 'cash']), brand: z.string().nullable(), entryMode: z.string().nullable(), amount: minor }).strict(),
    /** A restaurant order: its number of the day, eat in or take away, where it was paid. Absent for a self-checkout sale. */
    order: z.object({ orderId: id, number: z.number().int().min(0), dining: z.enum(['eat-in', 'take-away']), paidAt: z.enum(['kiosk', 'counter']) }).strict().optional(),
    /** Present only when the member consented to marketing use: a keyed pseudonym, never the member id. */
    member: z.object({ pseudonym: z.string().min(16) }).strict().nullable(),
    ageChecks: z.array(ageCheckRecord),
  })
  .strict();
export type SaleCompletedV1 = z.infer<typeof saleCompletedV1>;

export const basketCancelledV1 = z
  .object({
    storeId: id,
    laneId: id,
    visitId: id,
    /** shopper: "cancel" at the kiosk (or its idle timeout); staff: a staff member cancelled it. */
    by: z.enum(['shopper', 'staff']),
    cancelledAt: z.iso.datetime({ offset: true }),
    currency: z.string().regex(/^[A-Z]{3}$/),
    total: minor,
    lines: z.array(z.object({ productId: z.string(), quantity: z.number().int(), weightGrams: z.number().int().nullable(), grossPrice: minor }).strict()),
  })
  .strict();
export type BasketCancelledV1 = z.infer<typeof basketCancelledV1>;

export const lineVoidedV1 = z
  .object({
    storeId: id,
    laneId: id,
    visitId: id,
    productId: z.string(),
    quantity: z.number().int(),
    grossPrice: minor,
    /** A staff void, or a shopper's removal a staff member approved. */
    approvedBy: z.string().nullable(),
    voidedAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type LineVoidedV1 = z.infer<typeof lineVoidedV1>;

export const interventionResolvedV1 = z
  .object({
    storeId: id,
    laneId: id,
    interventionId: id,
    reason: z.string(),
    /** approved, rejected, not-needed (the basket no longer needed it), line-gone, or expired with the visit. */
    outcome: z.string(),
    /** Where it was resolved: at the lane (sign-in method) or remote, from the attendant station. */
    method: z.string().nullable(),
    openedAt: z.iso.datetime({ offset: true }),
    resolvedAt: z.iso.datetime({ offset: true }),
    /** Milliseconds from opened to resolved: the wait staff measure themselves by. */
    waitedMs: z.number().int().min(0),
  })
  .strict();
export type InterventionResolvedV1 = z.infer<typeof interventionResolvedV1>;

export const refundCompletedV1 = z
  .object({
    storeId: id,
    refundId: id,
    /** The store's refund number (also on the refund slip). */
    number: z.number().int().min(1),
    /** The sale the goods came from: its sale.completed event has the same saleId. */
    saleId: id,
    /** The lane whose terminal reversed the payment, or the sale's lane for cash. */
    laneId: id,
    method: z.enum(['card', 'cash']),
    currency: z.string().regex(/^[A-Z]{3}$/),
    /** What the customer got back: the sale re-priced without the returned units, never more than was paid for them. */
    amount: minor,
    /** Of which deposit (pant) on the returned units. */
    deposit: minor,
    lines: z.array(z.object({ lineId: z.string(), productId: z.string(), quantity: z.number().int().min(1) }).strict()),
    /** The staff member who took the return (an internal id, never a name). */
    staffId: z.string().nullable(),
    completedAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type RefundCompletedV1 = z.infer<typeof refundCompletedV1>;

/** Every event type and the schema of its data. */
export const EVENT_SCHEMAS = {
  'sale.completed.v1': saleCompletedV1,
  'basket.cancelled.v1': basketCancelledV1,
  'line.voided.v1': lineVoidedV1,
  'intervention.resolved.v1': interventionResolvedV1,
  'refund.completed.v1': refundCompletedV1,
} as const;
export type EventType = keyof typeof EVENT_SCHEMAS;
export type EventData<T extends EventType> = z.infer<(typeof EVENT_SCHEMAS)[T]>;

/** The CloudEvents 1.0 envelope every event travels in. */
export const cloudEvent = z
  .object({
    specversion: z.literal('1.0'),
    id: z.string().min(1),
    /** urn:selfserve:store:<store id> */
    source: z.string().regex(/^urn:selfserve:store:[A-Za-z0-9._-]+$/),
    type: z.enum(Object.keys(EVENT_SCHEMAS) as [EventType, ...EventType[]]),
    time: z.iso.datetime({ offset: true }),
    datacontenttype: z.literal('application/json'),
    /** The sale id, visit id or intervention id the event is about. */
    subject: z.string().optional(),
    data: z.record(z.string(), z.unknown()),
  })
  .strict();
export type CloudEvent<T extends EventType = EventType> = Omit<z.infer<typeof cloudEvent>, 'type' | 'data'> & { type: T; data: EventData<T> };

/** Checks an event, envelope and data; the error names what is wrong. */
export function validateEvent(event: unknown): { ok: true } | { ok: false; message: string } {
  const envelope = cloudEvent.safeParse(event);
  if (!envelope.success) return { ok: false, message: envelope.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const data = EVENT_SCHEMAS[envelope.data.type].safeParse(envelope.data.data);
  if (!data.success) return { ok: false, message: data.error.issues.map((i) => `data.${i.path.join('.')}: ${i.message}`).join('; ') };
  return { ok: true };
}
