// Turns what @adyen/api-library throws into a TerminalError, and reads a nexo Response into our terms.
import { TerminalError } from './terminal.js';

/** The library rejects with ApiException objects that are NOT Error instances; read the message either way. */
function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String(error.message);
  return String(error);
}

/** `elapsedMs` tells a timed-out request from a cut connection: the library reports both as 'socket hang up'. */
export function classify(error: unknown, elapsedMs: number, timeoutMs: number): TerminalError {
  if (error instanceof TerminalError) return error;
  const message = messageOf(error);
  const options = { cause: error };
  if (/ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN/.test(message)) {
    return new TerminalError('unreachable', `terminal unreachable: ${message}`, options);
  }
  if (/crypto error/i.test(message)) {
    return new TerminalError('protocol', `terminal refused our shared key: ${message}`, options);
  }
  if (elapsedMs >= timeoutMs || /ETIMEDOUT/.test(message)) {
    return new TerminalError('timeout', `no answer from the terminal within ${timeoutMs} ms`, options);
  }
  return new TerminalError('protocol', `terminal exchange failed: ${message}`, options);
}

export interface NexoResponse {
  Result?: unknown;
  ErrorCondition?: unknown;
  AdditionalResponse?: string;
}

/** 'Refusal: 05 : Not approved' from ErrorCondition and the AdditionalResponse's refusalReason or message. */
export function readableReason(response: NexoResponse | undefined): string | null {
  if (!response || response.Result === 'Success') return null;
  const condition = response.ErrorCondition ? String(response.ErrorCondition) : String(response.Result ?? 'Unknown');
  const raw = response.AdditionalResponse;
  if (!raw) return condition;
  const fields = new URLSearchParams(raw);
  const detail = fields.get('refusalReason') ?? fields.get('message') ?? (raw.includes('=') ? null : raw);
  return detail ? `${condition}: ${detail}` : condition;
}

export type Outcome = 'approved' | 'declined' | 'cancelled' | 'failed' | 'busy';

/** Busy means the terminal is serving another request and did not start this one. */
export function outcomeOf(response: NexoResponse | undefined): Outcome {
  if (response?.Result === 'Success' || response?.Result === 'Partial') return 'approved';
  switch (response?.ErrorCondition) {
    case 'Refusal': return 'declined';
    case 'Cancel':
    case 'Aborted': return 'cancelled';
    case 'Busy': return 'busy';
    default: return 'failed';
  }
}

/** A masked PAN as the terminal gives it, refused if it somehow carries a full card number. */
export function safeMaskedPan(pan: string | undefined): string | null {
  if (!pan) return null;
  return /\d{12,}/.test(pan.replace(/[\s-]/g, '')) ? null : pan;
}
