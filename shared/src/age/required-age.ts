/** Which age a product or a basket requires, and when a later scan needs a new approval. */
import type { Product } from '../catalog/schema.js';
import type { AgeRules } from './rules.js';

/** The product fields age rules look at. */
export type AgeRestrictable = Pick<Product, 'ageCategory' | 'abv'>;

/** The age a product requires under the rules, or null when it has no limit. */
export function requiredAge(product: AgeRestrictable, rules: AgeRules): number | null {
  const category = product.ageCategory;
  if (category === undefined) return null;
  if (category !== 'alcohol') return rules.categories[category];
  if (product.abv === undefined) return rules.alcoholUnknownAbv;
  const abv = product.abv;
  return rules.alcohol.find((band) => abv >= band.fromAbv)?.age ?? null;
}

/** The highest age any product in the basket requires; null when none has a limit. */
export function basketRequiredAge(products: Iterable<AgeRestrictable>, rules: AgeRules): number | null {
  let highest: number | null = null;
  for (const product of products) {
    const age = requiredAge(product, rules);
    if (age !== null && (highest === null || age > highest)) highest = age;
  }
  return highest;
}

/**
 * True when the basket now needs an age that was not yet approved: nothing was approved and the
 * basket has a limit, or a later item raised the highest age above the approved one (16 → 18).
 */
export function needsNewApproval(approvedAge: number | null, basketAge: number | null): boolean {
  if (basketAge === null) return false;
  return approvedAge === null || basketAge > approvedAge;
}
