// Which ticket the bump bar points at, kept by order id while tickets come and go.

/**
 * The ticket selected after the list changed: the same order if it is still there, otherwise the one
 * now in its place (the next in line after a bump), otherwise the last; null when there are none.
 */
export function keepSelection(before: readonly string[], after: readonly string[], selected: string | null): string | null {
  if (after.length === 0) return null;
  if (selected !== null && after.includes(selected)) return selected;
  const at = selected === null ? 0 : Math.max(0, before.indexOf(selected));
  return after[Math.min(at, after.length - 1)] ?? null;
}

/** The id `delta` places from the selected one, stopping at either end. */
export function moveSelection(ids: readonly string[], selected: string | null, delta: number): string | null {
  if (ids.length === 0) return null;
  const at = selected === null ? -1 : ids.indexOf(selected);
  const next = at === -1 ? 0 : Math.min(ids.length - 1, Math.max(0, at + delta));
  return ids[next] ?? null;
}
