// The customer display points at the line that just changed, not at lines repriced by a promotion.
import { describe, expect, it } from 'vitest';
import { changedLineId } from './latest.js';

const l = (lineId: string, quantity = 1, weightGrams?: number) =>
  weightGrams === undefined ? { lineId, quantity } : { lineId, quantity, weightGrams };

describe('the line a customer display points at', () => {
  it('is a newly added line', () => {
    expect(changedLineId([l('a')], [l('a'), l('b')])).toBe('b');
  });

  it('is a line whose quantity changed, wherever it is', () => {
    expect(changedLineId([l('a'), l('b')], [l('a', 2), l('b')])).toBe('a');
  });

  it('is a line whose weight changed', () => {
    expect(changedLineId([l('a', 1, 500)], [l('a', 1, 650)])).toBe('a');
  });

  it('is none when a line was only removed', () => {
    expect(changedLineId([l('a'), l('b')], [l('a')])).toBeNull();
  });
});
