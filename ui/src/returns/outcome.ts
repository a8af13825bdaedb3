// What a refund's answer tells staff, line by line, as keys of each app's own `result` texts (pure).
import type { RefundResult } from '@selfserve/shared';

/**
 * completed: the amount, how and the refund's number; slip: its slip was printed; failed: the terminal refused;
 * reason: the terminal's words; tryAgain: again, or in cash; pending: under way at the terminal; unknown: its
 * answer was lost; check: look at the terminal before trying again.
 */
export type RefundOutcomeLine = 'completed' | 'slip' | 'failed' | 'reason' | 'tryAgain' | 'pending' | 'unknown' | 'check';

/** The lines to show for a refund's answer, the headline first; `reason` only when the terminal gave one. */
export function refundOutcome(r: Pick<RefundResult, 'state' | 'reason'>): RefundOutcomeLine[] {
  const reason: RefundOutcomeLine[] = r.reason ? ['reason'] : [];
  switch (r.state) {
    case 'completed':
      return ['completed', 'slip'];
    case 'failed':
      return ['failed', ...reason, 'tryAgain'];
    default:
      return [r.state, ...reason, 'check'];
  }
}

/** A refund that is done is said politely; one refused or in doubt interrupts, since staff must act on it. */
export const outcomeRole = (r: Pick<RefundResult, 'state'>): 'status' | 'alert' => (r.state === 'completed' ? 'status' : 'alert');

/** Its colour: done, refused by the terminal, or in doubt (under way, or its answer lost). */
export const outcomeTone = (r: Pick<RefundResult, 'state'>): 'done' | 'refused' | 'doubt' =>
  r.state === 'completed' ? 'done' : r.state === 'failed' ? 'refused' : 'doubt';
