// Tells a keyboard-wedge scanner's burst of keys from human typing by timing alone (pure).

/** One key press as the browser reports it: `KeyboardEvent.key` and a millisecond timestamp. */
export interface KeyStroke {
  key: string;
  at: number;
}

export interface WedgeOptions {
  /** Longest gap between two keys of one burst; scanners send every few ms, people rarely under 50. */
  maxGapMs: number;
  /** Shortest code a burst may carry; shorter bursts are a lucky roll of human fingers. */
  minLength: number;
}

export const DEFAULT_WEDGE_OPTIONS: WedgeOptions = { maxGapMs: 35, minLength: 4 };

export interface WedgeState {
  buffer: string;
  lastAt: number | null;
}

export type WedgeResult = { kind: 'scan'; code: string } | { kind: 'none' };

export interface WedgeStep {
  state: WedgeState;
  result: WedgeResult;
}

export const initialWedgeState = (): WedgeState => ({ buffer: '', lastAt: null });

// Scanners hold Shift for capitals and some send Ctrl/Alt prefixes: these keys neither add nor break a burst.
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock']);
const NONE: WedgeResult = { kind: 'none' };

const inBurst = (state: WedgeState, at: number, opts: WedgeOptions) =>
  state.lastAt !== null && at - state.lastAt <= opts.maxGapMs;

/** Feeds one key; returns the next state and, on the Enter that ends a burst, the scanned code. */
export function feedWedge(state: WedgeState, stroke: KeyStroke, opts: WedgeOptions = DEFAULT_WEDGE_OPTIONS): WedgeStep {
  if (MODIFIERS.has(stroke.key)) return { state, result: NONE };
  if (stroke.key === 'Enter') {
    const burst = inBurst(state, stroke.at, opts) && state.buffer.length >= opts.minLength;
    return { state: initialWedgeState(), result: burst ? { kind: 'scan', code: state.buffer } : NONE };
  }
  if (stroke.key.length !== 1) return { state: initialWedgeState(), result: NONE };
  const buffer = inBurst(state, stroke.at, opts) ? state.buffer + stroke.key : stroke.key;
  return { state: { buffer, lastAt: stroke.at }, result: NONE };
}

/** A stateful wrapper for event handlers: `const detect = createWedgeDetector(); detect(key, at)`. */
export function createWedgeDetector(opts: WedgeOptions = DEFAULT_WEDGE_OPTIONS): (key: string, at: number) => WedgeResult {
  let state = initialWedgeState();
  return (key, at) => {
    const step = feedWedge(state, { key, at }, opts);
    state = step.state;
    return step.result;
  };
}
