/** Step a: each line's price before promotions (member price, RCN label price, price by weight). */
import type { Member, Product } from '../catalog/schema.js';
import { priceByWeight } from '../money/index.js';
import { PricingError } from './errors.js';
import type { LineInput, ProductLookup } from './types.js';

/** Most units one line may hold; keeps the promotion search's work bounded per line. */
export const MAX_LINE_QUANTITY = 9_999;

/** Units of a line as promotions see them: `count` units worth `value` each. */
export interface UnitRun {
  value: number;
  count: number;
}

/** A line with its product and its price before promotions. */
export interface BaseLine {
  input: LineInput;
  product: Product;
  unitPrice: number;
  memberPrice: boolean;
  grossPrice: number;
  /** The line split into units; weighed lines are one unit. The values sum to grossPrice. */
  units: UnitRun[];
}

/** Prices every line before promotions; throws PricingError for an unknown product or bad line. */
export function resolveLines(
  lines: readonly LineInput[],
  products: ProductLookup,
  member: Member | null | undefined,
): BaseLine[] {
  const find = typeof products === 'function' ? products : (id: string) => products.get(id);
  return lines.map((line) => {
    const product = find(line.productId);
    if (!product) throw new PricingError('unknown-product', `no product "${line.productId}" (line ${line.lineId})`);
    return resolveLine(line, product, Boolean(member));
  });
}

function resolveLine(line: LineInput, product: Product, isMember: boolean): BaseLine {
  checkLine(line, product);
  const label = line.labelPrice;
  const member = product.memberPrice;
  const memberPrice = label === undefined && isMember && member !== undefined && member < product.price;
  const unitPrice = memberPrice && member !== undefined ? member : product.price;
  if (product.unit === 'kg') {
    const grossPrice = label ?? priceByWeight(unitPrice, line.weightGrams ?? 0);
    return { input: line, product, unitPrice, memberPrice, grossPrice, units: [{ value: grossPrice, count: 1 }] };
  }
  const grossPrice = label ?? unitPrice * line.quantity;
  if (!Number.isSafeInteger(grossPrice)) throw invalid(line, 'price × quantity is too large');
  return { input: line, product, unitPrice, memberPrice, grossPrice, units: splitEvenly(grossPrice, line.quantity) };
}

/** A label price over several units: as even as whole øre allow, the extra øre on the first units. */
function splitEvenly(total: number, count: number): UnitRun[] {
  const extra = total % count;
  const base = (total - extra) / count;
  const runs = [{ value: base + 1, count: extra }, { value: base, count: count - extra }];
  return runs.filter((run) => run.count > 0);
}

function checkLine(line: LineInput, product: Product): void {
  const whole = (n: number | undefined, min: number) => n === undefined || (Number.isSafeInteger(n) && n >= min);
  if (!whole(line.quantity, 1) || line.quantity > MAX_LINE_QUANTITY) {
    throw invalid(line, `quantity must be a whole number from 1 to ${MAX_LINE_QUANTITY}`);
  }
  if (!whole(line.labelPrice, 0)) throw invalid(line, 'label price must be whole minor units ≥ 0');
  if (product.unit !== 'kg') return;
  if (line.quantity !== 1) throw invalid(line, 'a weighed line has quantity 1');
  if (!whole(line.weightGrams, 1)) throw invalid(line, 'weight must be whole grams > 0');
  if (line.weightGrams === undefined && line.labelPrice === undefined) {
    throw invalid(line, 'a weighed line needs a weight or a label price');
  }
}

function invalid(line: LineInput, why: string): PricingError {
  return new PricingError('invalid-line', `line ${line.lineId}: ${why}`);
}
