// Rules of the wedge detector: a fast burst ended by Enter is a scan, human typing never is.
import { describe, expect, it } from 'vitest';
import { type KeyStroke, type WedgeResult, createWedgeDetector } from './wedge.js';

/** Keys of `text` followed by Enter, `gap` ms apart, starting at `start`. */
const typed = (text: string, gap: number, start = 1000): KeyStroke[] => [
  ...[...text].map((key, i) => ({ key, at: start + i * gap })),
  { key: 'Enter', at: start + text.length * gap },
];

const run = (strokes: KeyStroke[]): WedgeResult[] => {
  const detect = createWedgeDetector();
  return strokes.map((s) => detect(s.key, s.at));
};
const scans = (strokes: KeyStroke[]) =>
  run(strokes).flatMap((r) => (r.kind === 'scan' ? [r.code] : []));

describe('keyboard-wedge scanner detection', () => {
  it('a burst of 13 digits 5 ms apart ended by Enter is one scan of those digits', () => {
    expect(scans(typed('5701234567899', 5))).toEqual(['5701234567899']);
  });

  it('the scan is reported on the Enter key, not before', () => {
    const results = run(typed('57012345', 5));
    expect(results.slice(0, -1).every((r) => r.kind === 'none')).toBe(true);
    expect(results.at(-1)).toEqual({ kind: 'scan', code: '57012345' });
  });

  it('human typing (about 120 ms between keys) is never a scan', () => {
    expect(scans(typed('5701234567899', 120))).toEqual([]);
  });

  it('a burst shorter than 4 characters is not a scan', () => {
    expect(scans(typed('123', 5))).toEqual([]);
  });

  it('exactly 4 characters within the gap is a scan', () => {
    expect(scans(typed('1234', 35))).toEqual(['1234']);
  });

  it('one slow key inside the burst breaks it: only the keys after the pause count', () => {
    const strokes: KeyStroke[] = [
      { key: '9', at: 0 },
      { key: '9', at: 10 },
      { key: '1', at: 200 },
      { key: '2', at: 205 },
      { key: '3', at: 210 },
      { key: '4', at: 215 },
      { key: 'Enter', at: 220 },
    ];
    expect(scans(strokes)).toEqual(['1234']);
  });

  it('an Enter long after a fast burst is a person pressing Enter, not a scan', () => {
    const strokes = typed('12345678', 5).map((s) => (s.key === 'Enter' ? { ...s, at: s.at + 500 } : s));
    expect(scans(strokes)).toEqual([]);
  });

  it('Shift held for capitals does not break a burst', () => {
    const strokes: KeyStroke[] = [
      { key: 'Shift', at: 0 },
      { key: 'A', at: 3 },
      { key: 'Shift', at: 6 },
      { key: 'B', at: 9 },
      { key: '1', at: 12 },
      { key: '2', at: 15 },
      { key: 'Enter', at: 18 },
    ];
    expect(scans(strokes)).toEqual(['AB12']);
  });

  it('a non-character key such as Backspace resets the burst', () => {
    const strokes: KeyStroke[] = [
      { key: '1', at: 0 },
      { key: '2', at: 5 },
      { key: 'Backspace', at: 10 },
      { key: '3', at: 15 },
      { key: '4', at: 20 },
      { key: 'Enter', at: 25 },
    ];
    expect(scans(strokes)).toEqual([]);
  });

  it('two scans in a row are reported separately', () => {
    expect(scans([...typed('11112222', 4, 0), ...typed('33334444', 4, 1000)])).toEqual(['11112222', '33334444']);
  });

  it('human typing right before a burst does not leak into the scanned code', () => {
    expect(scans([{ key: 'x', at: 0 }, { key: 'y', at: 150 }, ...typed('12345678', 5, 400)])).toEqual(['12345678']);
  });
});
