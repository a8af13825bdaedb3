// The bump bar's selection follows the order it points at, and moves on to the next in line when that one is bumped.
import { describe, expect, it } from 'vitest';
import { bumpCommand } from './bumpbar.js';
import { keepSelection, moveSelection } from './selection.js';

describe('the selected ticket', () => {
  it('stays on its order while others come and go', () => {
    expect(keepSelection(['a', 'b', 'c'], ['b', 'c', 'd'], 'c')).toBe('c');
  });

  it('goes to the ticket now in its place when its order leaves, or the last one at the end', () => {
    expect(keepSelection(['a', 'b', 'c'], ['a', 'c'], 'b')).toBe('c');
    expect(keepSelection(['a', 'b', 'c'], ['a', 'b'], 'c')).toBe('b');
    expect(keepSelection(['a'], [], 'a')).toBeNull();
    expect(keepSelection([], ['a'], null)).toBe('a');
  });

  it('moves by the arrows and stops at either end', () => {
    expect(moveSelection(['a', 'b'], 'a', 1)).toBe('b');
    expect(moveSelection(['a', 'b'], 'b', 1)).toBe('b');
    expect(moveSelection(['a', 'b'], 'a', -1)).toBe('a');
    expect(moveSelection(['a', 'b'], null, 1)).toBe('a');
  });
});

describe('the bump bar', () => {
  it('selects with the arrows and 1–9, bumps with Enter or B, recalls with R', () => {
    expect(bumpCommand('ArrowRight')).toEqual({ kind: 'move', delta: 1 });
    expect(bumpCommand('ArrowUp')).toEqual({ kind: 'move', delta: -1 });
    expect(bumpCommand('3')).toEqual({ kind: 'pick', index: 2 });
    expect(bumpCommand('0')).toBeNull();
    expect(bumpCommand('Enter')).toEqual({ kind: 'bump' });
    expect(bumpCommand('b')).toEqual({ kind: 'bump' });
    expect(bumpCommand('R')).toEqual({ kind: 'recall' });
    expect(bumpCommand('x')).toBeNull();
  });
});
