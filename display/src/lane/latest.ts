// Which line the customer should look at after a change: the one added, or whose quantity or weight changed.
import type { SnapshotLine } from '@selfserve/shared';

type LineKey = Pick<SnapshotLine, 'lineId' | 'quantity' | 'weightGrams'>;

/** The last line in `next` that is new or changed in amount; price-only changes (promotions) do not count. */
export function changedLineId(prev: readonly LineKey[], next: readonly LineKey[]): string | null {
  const before = new Map(prev.map((l) => [l.lineId, l]));
  for (const line of [...next].reverse()) {
    const old = before.get(line.lineId);
    if (!old || old.quantity !== line.quantity || old.weightGrams !== line.weightGrams) return line.lineId;
  }
  return null;
}
