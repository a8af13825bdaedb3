/** A payment card number typed or swiped into a scan field is refused here, before a service could keep it. */
import { DomainError, looksLikeCardNumber } from '@selfserve/shared';

/**
 * A refused scan is stored with its answer (so a replay gets the same one), and a barcode's refusal
 * quotes the code: a card number must therefore never reach the lanes service. The answer names no digits.
 */
export function refuseCardNumber<P extends { code?: string | undefined }>(payload: P): P {
  if (payload.code !== undefined && looksLikeCardNumber(payload.code)) {
    throw new DomainError('invalid-barcode', 'a payment card number is never read here: pay at the terminal', { reason: 'card-number' });
  }
  return payload;
}
