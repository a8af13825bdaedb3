// Turns a camera's stream of per-frame decodes into one scan per code held in view (pure).

/** When each code was last decoded; a code counts as still in view until `quietMs` pass without it. */
export type DedupeState = ReadonlyMap<string, number>;

export interface DedupeOptions {
  /** How long a code must go undecoded before showing it again counts as a new scan. */
  quietMs: number;
}

export const DEFAULT_DEDUPE_OPTIONS: DedupeOptions = { quietMs: 1500 };

export interface DedupeStep {
  state: DedupeState;
  /** True when this decode is a new scan, false when the code was simply still in view. */
  accept: boolean;
}

export const initialDedupeState = (): DedupeState => new Map();

/** Feeds one decode of `text` at time `at` (ms). */
export function feedDedupe(state: DedupeState, text: string, at: number, opts: DedupeOptions = DEFAULT_DEDUPE_OPTIONS): DedupeStep {
  const last = state.get(text);
  const accept = last === undefined || at - last >= opts.quietMs;
  // Every sighting, accepted or not, extends the time in view; codes long out of view are forgotten.
  const next = new Map<string, number>();
  for (const [code, seen] of state) if (at - seen < opts.quietMs) next.set(code, seen);
  next.set(text, at);
  return { state: next, accept };
}

/** A stateful wrapper for the decode callback: `const isNew = createDeduper(); if (isNew(text, now)) …`. */
export function createDeduper(opts: DedupeOptions = DEFAULT_DEDUPE_OPTIONS): (text: string, at: number) => boolean {
  let state = initialDedupeState();
  return (text, at) => {
    const step = feedDedupe(state, text, at, opts);
    state = step.state;
    return step.accept;
  };
}
