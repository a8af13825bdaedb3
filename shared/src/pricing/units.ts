/** Units of the basket as item promotions see them: runs of identical units, and picking from them. */
import type { Product } from '../catalog/schema.js';
import type { BaseLine } from './lines.js';

/** Interchangeable units: same product, same value, from one or more lines. */
export interface UnitClass {
  index: number;
  product: Product;
  value: number;
  count: number;
  /** The lines the units come from, in line order, with how many units each. */
  members: Array<{ line: number; count: number }>;
}

/** Some units taken from one class. */
export interface Take {
  cls: number;
  count: number;
}

/**
 * One class per product and unit value, in order of first appearance. Merging lines of the same
 * product keeps the search small when a product is scanned line by line.
 */
export function unitClasses(lines: readonly BaseLine[]): UnitClass[] {
  const byKey = new Map<string, UnitClass>();
  lines.forEach((line, lineIndex) => {
    for (const run of line.units) {
      const key = `${line.product.id}\u0000${run.value}`;
      let cls = byKey.get(key);
      if (!cls) {
        cls = { index: byKey.size, product: line.product, value: run.value, count: 0, members: [] };
        byKey.set(key, cls);
      }
      cls.count += run.count;
      cls.members.push({ line: lineIndex, count: run.count });
    }
  });
  return [...byKey.values()];
}

/** Class indexes of the classes whose product matches, most expensive first, then in line order. */
export function eligibleClasses(classes: readonly UnitClass[], matches: (product: Product) => boolean): number[] {
  return classes
    .filter((c) => matches(c.product))
    .sort((a, b) => b.value - a.value || a.index - b.index)
    .map((c) => c.index);
}

/** Takes `need` units following `order` from what is left in `counts`; null when too few are left. */
export function pickTop(order: readonly number[], counts: readonly number[], need: number): Take[] | null {
  const takes: Take[] = [];
  let missing = need;
  for (const cls of order) {
    const available = counts[cls] ?? 0;
    if (available <= 0) continue;
    const count = Math.min(available, missing);
    takes.push({ cls, count });
    missing -= count;
    if (missing === 0) return takes;
  }
  return null;
}

/** Total value of the units taken. */
export function takesValue(takes: readonly Take[], classes: readonly UnitClass[]): number {
  return takes.reduce((sum, t) => sum + t.count * (classes[t.cls]?.value ?? 0), 0);
}

/** Number of units taken. */
export function takesUnits(takes: readonly Take[]): number {
  return takes.reduce((sum, t) => sum + t.count, 0);
}

/** The last `n` units of takes ordered most expensive first: the cheapest ones. */
export function cheapestOf(takes: readonly Take[], n: number): Take[] {
  const cheapest: Take[] = [];
  let missing = n;
  for (let i = takes.length - 1; i >= 0 && missing > 0; i--) {
    const take = takes[i];
    if (!take) continue;
    const count = Math.min(take.count, missing);
    cheapest.push({ cls: take.cls, count });
    missing -= count;
  }
  return cheapest;
}
