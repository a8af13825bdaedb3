/** Deterministic orderings: campaign ids by code unit, never by locale. */
import type { Promotion } from '../catalog/schema.js';

/** Orders strings by UTF-16 code units, the same on every machine and locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders promotions by campaign id; two with the same id by their content, so input order never matters. */
export function comparePromotions(a: Promotion, b: Promotion): number {
  if (a === b) return 0;
  return compareIds(a.id, b.id) || compareIds(JSON.stringify(a), JSON.stringify(b));
}
