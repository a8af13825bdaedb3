/** Group promotions (multibuy, n-for-m, mix-match, bundle): how one application picks its units. */
import type { Promotion } from '../catalog/schema.js';
import { targetMatcher } from './eligibility.js';
import { cheapestOf, eligibleClasses, pickTop, type Take, takesUnits, takesValue, type UnitClass } from './units.js';

export type GroupPromotion = Extract<Promotion, { kind: 'multibuy' | 'n-for-m' | 'mix-match' | 'bundle' }>;

/** One use of a group promotion on some units. */
export interface Application {
  promotion: GroupPromotion;
  takes: Take[];
  units: number;
  /** Money off, always > 0: an application that would not lower the price is never made. */
  discount: number;
  /** n-for-m only: the free (cheapest) units, which carry the discount. */
  free: Take[] | null;
}

/** A group promotion compiled against the basket's unit classes. */
export interface GroupOffer {
  promotion: GroupPromotion;
  /** Every class the promotion can use. */
  classes: readonly number[];
  /** The next application on what is left, picking the most expensive units; null when none pays. */
  choose(counts: readonly number[]): Application | null;
  /** An upper bound on the discount one unit of class `cls` can carry in any application. */
  shareBound(cls: number): number;
}

export function isGroupPromotion(p: Promotion): p is GroupPromotion {
  return p.kind === 'multibuy' || p.kind === 'n-for-m' || p.kind === 'mix-match' || p.kind === 'bundle';
}

export function compileOffer(promotion: GroupPromotion, classes: readonly UnitClass[]): GroupOffer {
  switch (promotion.kind) {
    case 'multibuy':
      return multibuy(promotion, classes);
    case 'mix-match':
      return fixedPriceGroup(promotion, classes, eligibleClasses(classes, targetMatcher(promotion.target)));
    case 'n-for-m':
      return nForM(promotion, classes);
    case 'bundle':
      return bundle(promotion, classes);
  }
}

/** Discount one unit can carry when `size` units together cost `price`: at most value − price/size. */
function fixedPriceShare(cls: UnitClass | undefined, price: number, size: number): number {
  return Math.max(0, (cls?.value ?? 0) - Math.floor(price / size));
}

function application(
  promotion: GroupPromotion,
  takes: Take[],
  discount: number,
  free: Take[] | null = null,
): Application | null {
  return discount > 0 ? { promotion, takes, units: takesUnits(takes), discount, free } : null;
}

/** Mix and match: any `quantity` units of the target for `price`, most expensive first. */
function fixedPriceGroup(
  promotion: Extract<GroupPromotion, { kind: 'mix-match' | 'multibuy' }>,
  classes: readonly UnitClass[],
  order: readonly number[],
): GroupOffer {
  return {
    promotion,
    classes: order,
    choose(counts) {
      const takes = pickTop(order, counts, promotion.quantity);
      return takes && application(promotion, takes, takesValue(takes, classes) - promotion.price);
    },
    shareBound: (cls) => fixedPriceShare(classes[cls], promotion.price, promotion.quantity),
  };
}

/** Multibuy: `quantity` units of one and the same product for `price`; the product saving most wins. */
function multibuy(promotion: Extract<GroupPromotion, { kind: 'multibuy' }>, classes: readonly UnitClass[]): GroupOffer {
  const order = eligibleClasses(classes, targetMatcher(promotion.target));
  const byProduct = new Map<string, number[]>();
  for (const cls of order) {
    const id = classes[cls]?.product.id ?? '';
    byProduct.set(id, [...(byProduct.get(id) ?? []), cls]);
  }
  const perProduct = [...byProduct.values()].map((o) => fixedPriceGroup(promotion, classes, o));
  return {
    promotion,
    classes: order,
    choose(counts) {
      let best: Application | null = null;
      for (const offer of perProduct) {
        const candidate = offer.choose(counts);
        if (candidate && (!best || candidate.discount > best.discount)) best = candidate;
      }
      return best;
    },
    shareBound: (cls) => fixedPriceShare(classes[cls], promotion.price, promotion.quantity),
  };
}

/** Buy `buy`, pay for `pay`: the most expensive `buy` units form a group, its cheapest are free. */
function nForM(promotion: Extract<GroupPromotion, { kind: 'n-for-m' }>, classes: readonly UnitClass[]): GroupOffer {
  const order = eligibleClasses(classes, targetMatcher(promotion.target));
  const freeUnits = promotion.buy - promotion.pay;
  return {
    promotion,
    classes: order,
    choose(counts) {
      if (freeUnits <= 0) return null;
      const takes = pickTop(order, counts, promotion.buy);
      if (!takes) return null;
      const free = cheapestOf(takes, freeUnits);
      return application(promotion, takes, takesValue(free, classes), free);
    },
    // The cheapest k of n units are worth at most k/n of the group.
    shareBound: (cls) => Math.ceil(((classes[cls]?.value ?? 0) * Math.max(0, freeUnits)) / promotion.buy),
  };
}

/** Bundle: one unit from each component for `price`; scarce components choose first. */
function bundle(promotion: Extract<GroupPromotion, { kind: 'bundle' }>, classes: readonly UnitClass[]): GroupOffer {
  const components = promotion.components.map((target) => eligibleClasses(classes, targetMatcher(target)));
  const all = [...new Set(components.flat())].sort((a, b) => a - b);
  return {
    promotion,
    classes: all,
    choose(counts) {
      const takes = pickBundle(components, counts);
      return takes && application(promotion, takes, takesValue(takes, classes) - promotion.price);
    },
    shareBound: (cls) => fixedPriceShare(classes[cls], promotion.price, components.length),
  };
}

/** One unit per component, most expensive first, components with the fewest units left first. */
function pickBundle(components: readonly (readonly number[])[], counts: readonly number[]): Take[] | null {
  const left = (order: readonly number[]) => order.reduce((sum, cls) => sum + (counts[cls] ?? 0), 0);
  const byScarcity = components.map((order, i) => ({ order, i, left: left(order) }));
  byScarcity.sort((a, b) => a.left - b.left || a.i - b.i);
  const taken = new Map<number, number>();
  for (const { order } of byScarcity) {
    const cls = order.find((c) => (counts[c] ?? 0) - (taken.get(c) ?? 0) > 0);
    if (cls === undefined) return null;
    taken.set(cls, (taken.get(cls) ?? 0) + 1);
  }
  return [...taken].map(([cls, count]) => ({ cls, count }));
}
