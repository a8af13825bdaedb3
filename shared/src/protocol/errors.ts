/** The one list of error codes a client can receive in an ack, and the ack shape itself. */

export const ERROR_CODES = [
  'bad-payload', // the payload failed its schema
  'invalid-barcode', // the code could not be parsed (bad check digit, unknown AI, ...)
  'unknown-item', // a valid code that names no product in the catalog
  'weight-required', // a weighed item scanned without a weight
  'not-sellable', // a code that is valid but not an item (SSCC, GLN, a coupon of another scheme)
  'not-found', // the line (or other target) does not exist
  'not-allowed', // the lane's state does not allow this now
  'lane-blocked', // an open intervention blocks this
  'quantity-limit', // above the store's limit for one line or one basket
  'bad-choice', // a menu selection the menu does not allow (a required choice missing, too many options, ...)
  'sold-out', // a menu item, combo or option sold out (detail.id names it)
  'unavailable', // a menu item not served at this time of day
  'conflict', // an idempotency key reused for a different request
  'duplicate', // a staff number, badge or other unique value already in use
  'unauthorized', // the device (or the signed-in staff member's role) may not do this
  'signed-out', // a staff action without a live staff session on this device: sign in (again)
  'sign-in-failed', // staff number, badge or PIN not right (the same answer for each)
  'locked', // this staff member is locked after repeated wrong PINs; try later
  'reauth-required', // admin work after the station sat idle: type the PIN again
  'rate-limited', // too many events from this device
  'storage-full', // the hub's disk is full: nothing was saved, selling waits for staff
  'internal', // our fault; details are in the hub's log, never in the ack
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AckError {
  code: ErrorCode;
  message: string;
  /** Optional machine-readable detail (e.g. the barcode failure reason). */
  detail?: Record<string, string | number | boolean | null>;
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };
export type AckCallback<T> = (ack: Ack<T>) => void;

export const ok = <T>(data: T): Ack<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string, detail?: AckError['detail']): Ack<never> =>
  detail ? { ok: false, error: { code, message, detail } } : { ok: false, error: { code, message } };

/** A domain failure a service throws; transport turns it into an error ack. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: AckError['detail'],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
