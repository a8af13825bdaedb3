/** Step b: item promotions, at most one per unit, the best combination for the customer. */
import type { Promotion } from '../catalog/schema.js';
import { attribute } from './attribution.js';
import { comparePromotions } from './compare.js';
import { compileOffer, type GroupOffer, isGroupPromotion } from './group-offers.js';
import type { BaseLine } from './lines.js';
import { searchItemPlan } from './search.js';
import { bestUnitDiscounts, isUnitPromotion } from './unit-offers.js';
import { type UnitClass, unitClasses } from './units.js';

export type { Attribution } from './attribution.js';

/** Plans the item promotions among `active` and says what each takes off which line. */
export function itemDiscounts(lines: readonly BaseLine[], active: readonly Promotion[], budget?: number) {
  const classes = unitClasses(lines);
  const unit = bestUnitDiscounts(classes, active.filter(isUnitPromotion));
  const offers = searchOrder(active.filter(isGroupPromotion).map((p) => compileOffer(p, classes)), classes);
  const plan = searchItemPlan(classes.map((c) => c.count), offers, unit, budget);
  return { attributions: attribute(plan, classes, unit), stats: plan.stats };
}

/**
 * Orders offers by what their first application saves per unit on the whole basket, best first,
 * then by campaign id; offers that cannot apply at all are dropped. The key depends on the offer
 * and the basket only, so adding a promotion never reorders the others.
 */
function searchOrder(offers: GroupOffer[], classes: readonly UnitClass[]): GroupOffer[] {
  const full = classes.map((c) => c.count);
  const keyed = offers.flatMap((offer) => {
    const first = offer.choose(full);
    return first ? [{ offer, discount: first.discount, units: first.units }] : [];
  });
  // a saves more per unit than b when a.discount / a.units > b.discount / b.units
  keyed.sort(
    (a, b) => b.discount * a.units - a.discount * b.units || comparePromotions(a.offer.promotion, b.offer.promotion),
  );
  return keyed.map((k) => k.offer);
}
