// The kitchen's bump bar: which key does what. A bump bar is a small keyboard, so plain keys it is.

export type BumpCommand = { kind: 'move'; delta: number } | { kind: 'pick'; index: number } | { kind: 'bump' } | { kind: 'recall' };

/** The keys as the legend on screen lists them, in that order. */
export const BUMP_KEYS = {
  select: ['←', '→', '1–9'],
  bump: ['Enter', 'B'],
  recall: ['R'],
} as const;

/** What a pressed key (KeyboardEvent.key) asks for, or null for a key that is not the bump bar's. */
export function bumpCommand(key: string): BumpCommand | null {
  if (key === 'ArrowLeft' || key === 'ArrowUp') return { kind: 'move', delta: -1 };
  if (key === 'ArrowRight' || key === 'ArrowDown') return { kind: 'move', delta: 1 };
  if (/^[1-9]$/.test(key)) return { kind: 'pick', index: Number(key) - 1 };
  if (key === 'Enter' || key === 'b' || key === 'B') return { kind: 'bump' };
  if (key === 'r' || key === 'R') return { kind: 'recall' };
  return null;
}
