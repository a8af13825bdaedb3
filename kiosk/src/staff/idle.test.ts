// A staff session at the lane ends when nobody touches the kiosk for its idle time.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchIdle } from './idle.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('staff idle time at the lane', () => {
  it('ends after the idle time without a touch', () => {
    const onIdle = vi.fn();
    watchIdle(new EventTarget(), 60_000, onIdle);
    vi.advanceTimersByTime(59_999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledOnce();
  });

  it('every touch or key starts the wait again', () => {
    const screen = new EventTarget();
    const onIdle = vi.fn();
    watchIdle(screen, 60_000, onIdle);
    vi.advanceTimersByTime(50_000);
    screen.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(50_000);
    screen.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(59_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(onIdle).toHaveBeenCalledOnce();
  });

  it('once stopped (signed out), nothing fires and touches are no longer watched', () => {
    const screen = new EventTarget();
    const onIdle = vi.fn();
    const stop = watchIdle(screen, 1000, onIdle);
    stop();
    screen.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(5000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
