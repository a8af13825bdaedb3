/** The tie-breaker between item plans that save the same: which campaigns get the units. */
import { compareIds } from './compare.js';
import type { Application } from './group-offers.js';
import type { UnitDiscount } from './unit-offers.js';

/** Campaign ids with the number of units each discounts, sorted by id. */
export type Signature = Array<readonly [string, number]>;

/** The signature of a plan: its group applications plus the per-unit discounts of the units left. */
export function signature(
  plan: readonly Application[],
  initial: readonly number[],
  classes: readonly number[],
  unit: readonly UnitDiscount[],
): Signature {
  const units = new Map<string, number>();
  const left = new Map<number, number>(classes.map((cls) => [cls, initial[cls] ?? 0]));
  for (const app of plan) {
    units.set(app.promotion.id, (units.get(app.promotion.id) ?? 0) + app.units);
    for (const t of app.takes) left.set(t.cls, (left.get(t.cls) ?? 0) - t.count);
  }
  for (const [cls, count] of left) {
    const id = unit[cls]?.promotion?.id;
    if (id !== undefined && count > 0) units.set(id, (units.get(id) ?? 0) + count);
  }
  return [...units].sort((a, b) => compareIds(a[0], b[0]));
}

/**
 * Compares the sorted lists of campaign ids, one entry per discounted unit, element by element:
 * the plan giving more units to the smaller id comes first; a list that is a prefix comes first.
 */
export function compareSignatures(a: Signature, b: Signature): number {
  let i = 0;
  let j = 0;
  let restA = a[0]?.[1] ?? 0;
  let restB = b[0]?.[1] ?? 0;
  while (i < a.length && j < b.length) {
    const byId = compareIds(a[i]?.[0] ?? '', b[j]?.[0] ?? '');
    if (byId !== 0) return byId;
    const step = Math.min(restA, restB);
    restA -= step;
    restB -= step;
    if (restA === 0) restA = a[++i]?.[1] ?? 0;
    if (restB === 0) restB = b[++j]?.[1] ?? 0;
  }
  return (i < a.length ? 1 : 0) - (j < b.length ? 1 : 0);
}
