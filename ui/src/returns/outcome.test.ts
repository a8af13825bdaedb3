// A refund's answer says what happened and what staff do next: done with its slip, refused with the terminal's reason, or check the terminal.
import { describe, expect, it } from 'vitest';
import { outcomeRole, outcomeTone, refundOutcome } from './outcome.js';

describe('what a refund answer tells staff', () => {
  it('a completed refund gives its amount and number, and says the slip was printed', () => {
    expect(refundOutcome({ state: 'completed', reason: null })).toEqual(['completed', 'slip']);
    expect(outcomeRole({ state: 'completed' })).toBe('status');
    expect(outcomeTone({ state: 'completed' })).toBe('done');
  });

  it('a refused refund gives the terminal\'s reason when it has one, then asks to try again or pay cash', () => {
    expect(refundOutcome({ state: 'failed', reason: 'Busy' })).toEqual(['failed', 'reason', 'tryAgain']);
    expect(refundOutcome({ state: 'failed', reason: null })).toEqual(['failed', 'tryAgain']);
    expect(outcomeRole({ state: 'failed' })).toBe('alert');
    expect(outcomeTone({ state: 'failed' })).toBe('refused');
  });

  it('a refund whose answer was lost, or still under way, sends staff to check the terminal', () => {
    expect(refundOutcome({ state: 'unknown', reason: null })).toEqual(['unknown', 'check']);
    expect(refundOutcome({ state: 'pending', reason: 'timeout' })).toEqual(['pending', 'reason', 'check']);
    expect(outcomeRole({ state: 'unknown' })).toBe('alert');
    expect(outcomeTone({ state: 'unknown' })).toBe('doubt');
    expect(outcomeTone({ state: 'pending' })).toBe('doubt');
  });
});
