/** Zod schemas of the staff events and of the station's admin HTTP bodies; strict like every payload. */
import { z } from 'zod';
import { DEVICE_KINDS } from './snapshot.js';
import { STAFF_ROLES } from '../staff/roles.js';
import { idempotencyKey } from './payloads.js';

const laneId = z.string().min(1).max(64);
const lineId = z.string().min(1).max(64);
const staffNumber = z.string().regex(/^\d{1,12}$/, 'a staff number is 1 to 12 digits');
/** The badge as scanned (with or without the store's staff prefix) or typed. */
const badge = z.string().min(1).max(80);
const pin = z.string().min(1).max(32);

/**
 * Sign in with a staff number and PIN, or a badge and PIN; a badge alone only at a lane whose store
 * allows it. Wrong, unknown and inactive all get the same answer.
 */
export const staffSignInPayload = z
  .object({ number: staffNumber.optional(), badge: badge.optional(), pin: pin.optional() })
  .strict()
  .refine((p) => (p.number === undefined) !== (p.badge === undefined), 'give a staff number or a badge');
export type StaffSignInPayload = z.infer<typeof staffSignInPayload>;

/** Takes up a session after a reload or reconnect, on the same device. */
export const staffResumePayload = z.object({ session: z.string().min(16).max(128) }).strict();
export type StaffResumePayload = z.infer<typeof staffResumePayload>;

/** The PIN again, after the station sat idle for admin work. */
export const staffReauthPayload = z.object({ pin }).strict();
export type StaffReauthPayload = z.infer<typeof staffReauthPayload>;

export const staffEmptyPayload = z.object({}).strict();

export const staffLanePayload = z.object({ laneId }).strict();
export type StaffLanePayload = z.infer<typeof staffLanePayload>;

export const staffClaimPayload = z.object({ key: idempotencyKey, laneId, interventionId: z.string().min(1).max(128) }).strict();
export type StaffClaimPayload = z.infer<typeof staffClaimPayload>;

/** How staff made sure of the shopper's age: they saw an ID, or typed the date of birth on it. */
export const AGE_CHECK_METHODS = ['id-seen', 'date-of-birth'] as const;
export type AgeCheckMethod = (typeof AGE_CHECK_METHODS)[number];

export const staffResolvePayload = z
  .object({
    key: idempotencyKey,
    laneId,
    interventionId: z.string().min(1).max(128),
    outcome: z.enum(['approve', 'reject']),
    /** Age checks: how the age was checked (needed to approve). */
    method: z.enum(AGE_CHECK_METHODS).optional(),
    /** Age checks by date of birth: YYYY-MM-DD; the hub checks it against the age limit. */
    dateOfBirth: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').optional(),
    note: z.string().max(200).optional(),
  })
  .strict();
export type StaffResolvePayload = z.infer<typeof staffResolvePayload>;

export const staffVoidLinePayload = z.object({ key: idempotencyKey, laneId, lineId }).strict();
export type StaffVoidLinePayload = z.infer<typeof staffVoidLinePayload>;

/** A line's new price, for the whole line, in minor units; a role below supervisor only requests it. */
export const staffOverridePricePayload = z
  .object({ key: idempotencyKey, laneId, lineId, price: z.number().int().min(0).max(10_000_000), reason: z.string().min(1).max(200) })
  .strict();
export type StaffOverridePricePayload = z.infer<typeof staffOverridePricePayload>;

export const staffLaneActionPayload = z.object({ key: idempotencyKey, laneId }).strict();
export type StaffLaneActionPayload = z.infer<typeof staffLaneActionPayload>;

/** A shopper calls staff: for help, or about an item the lane could not find. */
export const laneCallStaffPayload = z
  .object({ key: idempotencyKey, reason: z.enum(['help', 'unknown-item']), code: z.string().min(1).max(512).optional() })
  .strict();
export type LaneCallStaffPayload = z.infer<typeof laneCallStaffPayload>;

// ---- The station's admin HTTP bodies (manager view) ----

export const adminCreateStaffBody = z
  .object({ number: staffNumber, name: z.string().trim().min(1).max(80), role: z.enum(STAFF_ROLES), badge: z.string().regex(/^[A-Za-z0-9-]{1,64}$/).optional() })
  .strict();
export type AdminCreateStaffBody = z.infer<typeof adminCreateStaffBody>;

export const adminSetActiveBody = z.object({ active: z.boolean() }).strict();

export const adminCreateDeviceBody = z
  .object({ kind: z.enum(DEVICE_KINDS), laneId: laneId.optional(), name: z.string().trim().min(1).max(80) })
  .strict()
  .refine((d) => d.kind === 'staff' || d.laneId !== undefined, { message: 'a kiosk or display needs a lane', path: ['laneId'] });
export type AdminCreateDeviceBody = z.infer<typeof adminCreateDeviceBody>;

export const adminAuditQuery = z
  .object({
    from: z.string().max(40).optional(),
    to: z.string().max(40).optional(),
    actor: z.string().max(64).optional(),
    action: z.string().max(64).optional(),
    laneId: z.string().max(64).optional(),
    limit: z.coerce.number().int().min(1).max(10_000).optional(),
  })
  .strict();
export type AdminAuditQuery = z.infer<typeof adminAuditQuery>;

/** A screen exchanges its one-time pairing code for its token. */
export const pairBody = z.object({ code: z.string().regex(/^\d{6}$/, 'a pairing code has 6 digits') }).strict();
/** Demo only, from loopback: a screen pairs itself as what its address says. */
export const autoPairBody = z.object({ kind: z.enum(DEVICE_KINDS), laneId: laneId.optional() }).strict();

/** A return: the receipt's transaction code as scanned or typed. */
export const returnsFindPayload = z.object({ code: z.string().trim().min(1).max(80) }).strict();
export type ReturnsFindPayload = z.infer<typeof returnsFindPayload>;

const returnLines = z
  .array(z.object({ lineId, quantity: z.number().int().min(1).max(999) }).strict())
  .min(1)
  .max(200)
  .refine((ls) => new Set(ls.map((l) => l.lineId)).size === ls.length, 'a line listed twice');

export const returnsQuotePayload = z.object({ saleId: z.string().min(1).max(80), lines: returnLines }).strict();
export type ReturnsQuotePayload = z.infer<typeof returnsQuotePayload>;

/** Refund the returned units: to the card through the sale's terminal, or as cash staff hand over. */
export const returnsRefundPayload = z
  .object({ key: idempotencyKey, saleId: z.string().min(1).max(80), lines: returnLines, method: z.enum(['card', 'cash']) })
  .strict();
export type ReturnsRefundPayload = z.infer<typeof returnsRefundPayload>;

/** An X report (so far) of one lane or (laneId absent) the store. */
export const reportsXPayload = z.object({ laneId: laneId.optional() }).strict();
export type ReportsXPayload = z.infer<typeof reportsXPayload>;

/** A Z report closes the period of one lane or the store: once per day each, numbered, printed. */
export const reportsZPayload = z.object({ key: idempotencyKey, laneId: laneId.optional() }).strict();
export type ReportsZPayload = z.infer<typeof reportsZPayload>;

export const reportsListPayload = z.object({}).strict();
