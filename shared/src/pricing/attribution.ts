/** Turns an item plan into money off each line, naming the campaign that took it. */
import type { Promotion } from '../catalog/schema.js';
import { allocate } from '../money/index.js';
import { comparePromotions } from './compare.js';
import type { Application } from './group-offers.js';
import type { ItemPlan } from './search.js';
import type { UnitDiscount } from './unit-offers.js';
import type { Take, UnitClass } from './units.js';

/** Money a promotion takes off one line. */
export interface Attribution {
  line: number;
  promotion: Promotion;
  amount: number;
}

/** Some units of one line, worth `value` each. */
interface LineUnits {
  line: number;
  count: number;
  value: number;
}

/**
 * A group discount goes to the units it was made from, spread by largest remainder on their value;
 * an n-for-m discount goes to its free units. Units of a class shared by several lines are used in
 * line order. Units no group took get their per-unit discount. Sorted by campaign, then line.
 */
export function attribute(plan: ItemPlan, classes: readonly UnitClass[], unit: readonly UnitDiscount[]): Attribution[] {
  const left = classes.map((c) => c.members.map((m) => m.count));
  const consume = (takes: readonly Take[]): LineUnits[] => takes.flatMap((t) => consumeClass(classes, left, t));
  const out: Attribution[] = [];
  for (const app of plan.applications) {
    const discounted = consume(app.free ?? app.takes);
    if (app.free) consume(payingUnits(app));
    const weights = discounted.map((u) => u.count * u.value);
    const parts = app.free ? weights : allocate(app.discount, weights);
    discounted.forEach((u, k) => out.push({ line: u.line, promotion: app.promotion, amount: parts[k] ?? 0 }));
  }
  classes.forEach((cls, c) => {
    const best = unit[c];
    if (!best?.promotion) return;
    cls.members.forEach((m, k) => {
      const count = left[c]?.[k] ?? 0;
      if (count > 0 && best.promotion) out.push({ line: m.line, promotion: best.promotion, amount: count * best.amount });
    });
  });
  return out.sort((a, b) => comparePromotions(a.promotion, b.promotion) || a.line - b.line);
}

/** Takes units of one class from its lines in line order, updating what is left per line. */
function consumeClass(classes: readonly UnitClass[], left: number[][], take: Take): LineUnits[] {
  const cls = classes[take.cls];
  const rest = left[take.cls];
  if (!cls || !rest) return [];
  const out: LineUnits[] = [];
  let missing = take.count;
  cls.members.forEach((m, k) => {
    const count = Math.min(missing, rest[k] ?? 0);
    if (count <= 0) return;
    rest[k] = (rest[k] ?? 0) - count;
    missing -= count;
    out.push({ line: m.line, count, value: cls.value });
  });
  return out;
}

/** The units of an n-for-m application that are paid for: all taken minus the free ones. */
function payingUnits(app: Application): Take[] {
  const free = new Map<number, number>();
  for (const t of app.free ?? []) free.set(t.cls, (free.get(t.cls) ?? 0) + t.count);
  return app.takes.map((t) => ({ cls: t.cls, count: t.count - (free.get(t.cls) ?? 0) })).filter((t) => t.count > 0);
}
