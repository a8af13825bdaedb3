/** Internal answers of the sub-parsers: a value, or a reason and message (raw is added at the top). */
import type { BarcodeErrorReason } from './types.js';

export interface Failure {
  ok: false;
  reason: BarcodeErrorReason;
  message: string;
}

export type Outcome<T> = { ok: true; value: T } | Failure;

export function failure(reason: BarcodeErrorReason, message: string): Failure {
  return { ok: false, reason, message };
}

export function success<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

/** Shows a piece of input in a message without flooding it. */
export function quote(text: string, max = 40): string {
  const shown = text.length > max ? `${text.slice(0, max)}…` : text;
  return `'${shown.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}'`;
}
