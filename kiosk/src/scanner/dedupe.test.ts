// Rules of the camera de-duplicator: a code held in view is one scan; shown again after a pause, another.
import { describe, expect, it } from 'vitest';
import { createDeduper, feedDedupe, initialDedupeState } from './dedupe.js';

const MILK = '5700000000014';
const COLA = '5700000000021';

/** Accepted texts of a sequence of [text, at] decodes. */
const accepted = (decodes: Array<[string, number]>): string[] => {
  const isNew = createDeduper();
  return decodes.flatMap(([text, at]) => (isNew(text, at) ? [text] : []));
};

/** The same code decoded every `gap` ms from `from` to `to`. */
const held = (text: string, from: number, to: number, gap = 100): Array<[string, number]> => {
  const out: Array<[string, number]> = [];
  for (let at = from; at <= to; at += gap) out.push([text, at]);
  return out;
};

describe('camera scan de-duplication', () => {
  it('the first decode of a code is a scan', () => {
    expect(accepted([[MILK, 0]])).toEqual([MILK]);
  });

  it('a code held in view for 10 s, decoded every frame, is one scan', () => {
    expect(accepted(held(MILK, 0, 10_000, 33))).toEqual([MILK]);
  });

  it('a code out of view for 1.5 s and shown again is a second scan', () => {
    expect(accepted([...held(MILK, 0, 2000), ...held(MILK, 3500, 4000)])).toEqual([MILK, MILK]);
  });

  it('a code missed for under 1.5 s (a few bad frames) is still the same scan', () => {
    expect(accepted([...held(MILK, 0, 1000), ...held(MILK, 2400, 3000)])).toEqual([MILK]);
  });

  it('two different codes are two scans, even when decoded in turn', () => {
    expect(accepted([[MILK, 0], [COLA, 50], [MILK, 100], [COLA, 150], [MILK, 200]])).toEqual([MILK, COLA]);
  });

  it('a second code does not make the first one count as new', () => {
    expect(accepted([...held(MILK, 0, 500), [COLA, 600], ...held(MILK, 700, 1200)])).toEqual([MILK, COLA]);
  });

  it('codes long out of view are forgotten, so the state stays small', () => {
    let state = initialDedupeState();
    for (let i = 0; i < 100; i++) state = feedDedupe(state, `code-${i}`, i * 2000).state;
    expect(state.size).toBe(1);
  });

  it('feeding does not change the state it was given', () => {
    const state = initialDedupeState();
    feedDedupe(state, MILK, 0);
    expect(state.size).toBe(0);
  });
});
