// Rules of the idle timeout: an unpaid basket left alone is asked about, then cancelled; any touch keeps it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type IdleState, type IdleTiming, createIdleTimer, idleReduce, nextDeadline, secondsLeft } from './idle.js';

const TIMING: IdleTiming = { idleMs: 90_000, stillThereMs: 30_000 };

describe('idle timeout rules', () => {
  const watching: IdleState = { phase: 'watching', mode: 'ask', lastActivity: 0 };

  it('nothing is watched until the visit has something at stake', () => {
    expect(idleReduce({ phase: 'off' }, { type: 'tick', at: 1e9 }, TIMING)).toEqual({ phase: 'off' });
    expect(idleReduce({ phase: 'off' }, { type: 'activity', at: 5 }, TIMING)).toEqual({ phase: 'off' });
    expect(nextDeadline({ phase: 'off' }, TIMING)).toBeNull();
  });

  it('asks once idleSeconds pass without a touch, and gives the whole answer time from then', () => {
    expect(idleReduce(watching, { type: 'tick', at: 89_999 }, TIMING)).toBe(watching);
    const asking = idleReduce(watching, { type: 'tick', at: 95_000 }, TIMING);
    expect(asking).toEqual({ phase: 'asking', askedAt: 95_000 });
    expect(nextDeadline(asking, TIMING)).toBe(125_000);
    expect(secondsLeft(asking, 95_000, TIMING)).toBe(30);
    expect(secondsLeft(asking, 95_001, TIMING)).toBe(30);
    expect(secondsLeft(asking, 124_500, TIMING)).toBe(1);
  });

  it('no answer within stillThereSeconds expires the visit', () => {
    const asking: IdleState = { phase: 'asking', askedAt: 90_000 };
    expect(idleReduce(asking, { type: 'tick', at: 119_999 }, TIMING)).toBe(asking);
    expect(idleReduce(asking, { type: 'tick', at: 120_000 }, TIMING)).toEqual({ phase: 'expired', mode: 'ask' });
  });

  it('any touch while asked is a yes and starts the wait again', () => {
    const asking: IdleState = { phase: 'asking', askedAt: 90_000 };
    expect(idleReduce(asking, { type: 'activity', at: 100_000 }, TIMING)).toEqual({ phase: 'watching', mode: 'ask', lastActivity: 100_000 });
  });

  it('a quiet visit (nothing in the basket) ends without asking', () => {
    const quiet: IdleState = { phase: 'watching', mode: 'quiet', lastActivity: 0 };
    expect(idleReduce(quiet, { type: 'tick', at: 90_000 }, TIMING)).toEqual({ phase: 'expired', mode: 'quiet' });
  });

  it('a basket that appears keeps the time of the last touch; switching off forgets everything', () => {
    const quiet: IdleState = { phase: 'watching', mode: 'quiet', lastActivity: 10 };
    expect(idleReduce(quiet, { type: 'guard', mode: 'ask', at: 500 }, TIMING)).toEqual({ phase: 'watching', mode: 'ask', lastActivity: 10 });
    expect(idleReduce(watching, { type: 'guard', mode: null, at: 500 }, TIMING)).toEqual({ phase: 'off' });
  });

  it('an expired visit whose cancel failed is watched again after the next touch', () => {
    expect(idleReduce({ phase: 'expired', mode: 'ask' }, { type: 'activity', at: 7 }, TIMING)).toEqual({ phase: 'watching', mode: 'ask', lastActivity: 7 });
  });
});

describe('idle timer on a fake clock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const start = () => {
    const seen: IdleState['phase'][] = [];
    const timer = createIdleTimer(() => ({ idleMs: 5000, stillThereMs: 5000 }), (s) => seen.push(s.phase));
    return { timer, seen };
  };

  it('an unpaid basket left alone is asked about after 5 s and expires 5 s later', () => {
    const { timer } = start();
    timer.guard('ask');
    vi.advanceTimersByTime(4999);
    expect(timer.state.phase).toBe('watching');
    vi.advanceTimersByTime(1);
    expect(timer.state.phase).toBe('asking');
    vi.advanceTimersByTime(4999);
    expect(timer.state.phase).toBe('asking');
    vi.advanceTimersByTime(1);
    expect(timer.state).toEqual({ phase: 'expired', mode: 'ask' });
    timer.dispose();
  });

  it('every touch puts the question off by the whole idle time', () => {
    const { timer } = start();
    timer.guard('ask');
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(4000);
      timer.activity();
    }
    expect(timer.state.phase).toBe('watching');
    vi.advanceTimersByTime(5000);
    expect(timer.state.phase).toBe('asking');
    timer.dispose();
  });

  it('answering yes goes back to watching, and the question comes again after another idle time', () => {
    const { timer, seen } = start();
    timer.guard('ask');
    vi.advanceTimersByTime(7000);
    timer.activity();
    expect(timer.state.phase).toBe('watching');
    vi.advanceTimersByTime(5000);
    expect(seen).toEqual(['watching', 'asking', 'watching', 'asking']);
    timer.dispose();
  });

  it('paying (guard off) while asked stops the countdown for good', () => {
    const { timer } = start();
    timer.guard('ask');
    vi.advanceTimersByTime(6000);
    timer.guard(null);
    vi.advanceTimersByTime(60_000);
    expect(timer.state.phase).toBe('off');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('disposing leaves no timer behind', () => {
    const { timer } = start();
    timer.guard('quiet');
    timer.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });
});
