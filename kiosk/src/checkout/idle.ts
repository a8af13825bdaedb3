// The idle timeout of a visit (pure rules plus a small timer): ask "still there?", then give up.

/** ask: an unpaid basket is at stake, so ask first; quiet: nothing to lose, just go back to attract. */
export type IdleMode = 'ask' | 'quiet';

export interface IdleTiming {
  /** No touch, key or scan for this long starts the question (or, when quiet, ends the visit). */
  idleMs: number;
  /** How long the question waits for an answer. */
  stillThereMs: number;
}

export type IdleState =
  | { phase: 'off' }
  | { phase: 'watching'; mode: IdleMode; lastActivity: number }
  | { phase: 'asking'; askedAt: number }
  | { phase: 'expired'; mode: IdleMode };

export type IdleEvent =
  /** What the visit has at stake now; null switches the timeout off (attract, payment, staff). */
  | { type: 'guard'; mode: IdleMode | null; at: number }
  /** A touch, key or scan. */
  | { type: 'activity'; at: number }
  /** Time passes; sent at the deadlines `nextDeadline` gives. */
  | { type: 'tick'; at: number };

export const IDLE_OFF: IdleState = { phase: 'off' };

export function idleReduce(state: IdleState, event: IdleEvent, timing: IdleTiming): IdleState {
  switch (event.type) {
    case 'guard':
      if (event.mode === null) return IDLE_OFF;
      if (state.phase === 'off') return { phase: 'watching', mode: event.mode, lastActivity: event.at };
      if (state.phase === 'watching') return state.mode === event.mode ? state : { ...state, mode: event.mode };
      if (state.phase === 'asking' && event.mode === 'quiet') return { phase: 'watching', mode: 'quiet', lastActivity: event.at };
      return state;
    case 'activity':
      if (state.phase === 'off') return state;
      // Touching anything while asked counts as "yes": nobody is away who just touched the screen.
      return { phase: 'watching', mode: state.phase === 'asking' ? 'ask' : state.mode, lastActivity: event.at };
    case 'tick':
      if (state.phase === 'watching' && event.at - state.lastActivity >= timing.idleMs) {
        // The shopper always gets the whole answer time from the moment the question shows, even if
        // this tick came late (a sleeping screen).
        return state.mode === 'ask' ? { phase: 'asking', askedAt: event.at } : { phase: 'expired', mode: 'quiet' };
      }
      if (state.phase === 'asking' && event.at - state.askedAt >= timing.stillThereMs) return { phase: 'expired', mode: 'ask' };
      return state;
  }
}

/** When the state next changes by time alone, or null when it never does. */
export function nextDeadline(state: IdleState, timing: IdleTiming): number | null {
  if (state.phase === 'watching') return state.lastActivity + timing.idleMs;
  if (state.phase === 'asking') return state.askedAt + timing.stillThereMs;
  return null;
}

/** Whole seconds left to answer, for the countdown; null when not asking. */
export function secondsLeft(state: IdleState, at: number, timing: IdleTiming): number | null {
  if (state.phase !== 'asking') return null;
  return Math.max(0, Math.ceil((state.askedAt + timing.stillThereMs - at) / 1000));
}

export interface IdleClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: IdleClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface IdleTimer {
  guard(mode: IdleMode | null): void;
  activity(): void;
  readonly state: IdleState;
  dispose(): void;
}

/**
 * Runs the rules on a clock: one timeout at the next deadline, never a polling interval. `timing` is
 * read at every step, so pacing that arrives later (the hub's hello) applies from the next step on.
 */
export function createIdleTimer(timing: () => IdleTiming, onChange: (state: IdleState) => void, clock: IdleClock = realClock): IdleTimer {
  let state: IdleState = IDLE_OFF;
  let handle: unknown = null;

  function schedule(): void {
    if (handle !== null) clock.clearTimeout(handle);
    handle = null;
    const deadline = nextDeadline(state, timing());
    if (deadline === null) return;
    handle = clock.setTimeout(() => {
      handle = null;
      step({ type: 'tick', at: clock.now() });
    }, Math.max(0, deadline - clock.now()));
  }

  function step(event: IdleEvent): void {
    const next = idleReduce(state, event, timing());
    if (next !== state) {
      state = next;
      onChange(state);
    }
    schedule();
  }

  return {
    guard: (mode) => step({ type: 'guard', mode, at: clock.now() }),
    activity: () => step({ type: 'activity', at: clock.now() }),
    get state() {
      return state;
    },
    dispose() {
      if (handle !== null) clock.clearTimeout(handle);
      handle = null;
    },
  };
}
