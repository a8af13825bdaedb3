/** Which promotions are live for this customer now, and which products a target covers. */
import type { Member, Product, Promotion, PromotionTarget } from '../catalog/schema.js';

/** Valid at `nowMs` (validFrom and validTo inclusive) and, if member-only, a member is identified. */
export function isActive(promotion: Promotion, nowMs: number, member: Member | null | undefined): boolean {
  if (promotion.memberOnly && !member) return false;
  if (promotion.validFrom !== undefined && nowMs < Date.parse(promotion.validFrom)) return false;
  if (promotion.validTo !== undefined && nowMs > Date.parse(promotion.validTo)) return false;
  return true;
}

/** A fast test for "is this product in the target": listed by id or in a listed department. */
export type ProductMatcher = (product: Product) => boolean;

export function targetMatcher(target: PromotionTarget): ProductMatcher {
  const ids = new Set(target.productIds);
  const departments = new Set(target.departments);
  return (product) => ids.has(product.id) || departments.has(product.department);
}
