/** Test builders for pricing: products, promotions and baskets parsed through the real schemas. */
import type { z } from 'zod';
import {
  type LocalizedText,
  type Member,
  type Product,
  type ProductInput,
  type Promotion,
  productSchema,
  promotionSchema,
} from '../../catalog/schema.js';
import type { LineInput, PricingInput } from '../types.js';

export const NOW = '2025-03-10T12:00:00+01:00';
export const MEMBER: Member = { id: 'm-1', cardNumber: '99912345', marketingConsent: false };

type PromotionInput = z.input<typeof promotionSchema>;
type Unnamed<T> = T extends unknown ? Omit<T, 'name'> & { name?: LocalizedText } : never;

export function product(input: Omit<ProductInput, 'name' | 'department'> & Partial<ProductInput>): Product {
  return productSchema.parse({ name: { da: input.id }, department: 'groceries', ...input });
}

export function promo(input: Unnamed<PromotionInput>): Promotion {
  return promotionSchema.parse({ name: { da: input.id }, ...input });
}

export function target(...productIds: string[]) {
  return { productIds };
}

export type LineSpec = [productId: string, quantity?: number, extra?: Partial<LineInput>];

/** A basket of lines l1, l2, ... over the given products. */
export function basket(
  products: readonly Product[],
  lines: readonly LineSpec[],
  rest: Partial<Omit<PricingInput, 'lines' | 'products'>> = {},
): PricingInput {
  return {
    lines: lines.map(([productId, quantity = 1, extra = {}], i) => ({ lineId: `l${i + 1}`, productId, quantity, ...extra })),
    products: new Map(products.map((p) => [p.id, p])),
    promotions: [],
    now: NOW,
    currency: 'DKK',
    ...rest,
  };
}
