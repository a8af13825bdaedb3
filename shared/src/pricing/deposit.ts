/**
 * Bottle and can deposit (pant): a deposit line follows each line of a product with a deposit class,
 * never discounted; deposit-return vouchers from the reverse vending machine are deducted. Both are
 * added after the promotions, and the totals and VAT are summed again over every line.
 */
import type { LocalizedText, Product } from '../catalog/schema.js';
import { vatPerRate } from './totals.js';
import type { PricedLine, Totals } from './types.js';

export interface DepositRules {
  /** Amount per unit of each class (øre), and its name on the receipt. */
  classes: Record<string, { amount: number; name: LocalizedText }>;
  /** VAT on deposits (Denmark: the 25 % of the goods; deposit is part of the taxable price). */
  vatRate: number;
}

export interface DepositVoucher {
  code: string;
  amount: number;
}

/**
 * Lines with their deposit lines right after them and the vouchers last, and the totals over all of
 * them. `productOf` gives each priced line's product (deposit lines have none of their own).
 */
export function withDeposits<L extends PricedLine>(
  lines: readonly L[],
  totals: Totals,
  productOf: (line: L) => Pick<Product, 'deposit' | 'depositCount' | 'unit'> | undefined,
  rules: DepositRules,
  vouchers: readonly DepositVoucher[],
  extend: (line: PricedLine) => L,
): { lines: L[]; totals: Totals } {
  const out: L[] = [];
  for (const line of lines) {
    out.push(line);
    const product = productOf(line);
    const cls = product?.deposit ? rules.classes[product.deposit] : undefined;
    if (!product || !cls) continue;
    // A six-pack carries six deposits per pack sold.
    const quantity = (product.unit === 'kg' ? 1 : line.quantity) * (product.depositCount ?? 1);
    const price = cls.amount * quantity;
    out.push(extend({ lineId: `${line.lineId}.pant`, productId: `deposit-${product.deposit}`, name: cls.name, quantity, unit: 'each', unitPrice: cls.amount, memberPrice: false, grossPrice: price, discounts: [], paidPrice: price, vatRate: rules.vatRate, depositFor: line.lineId }));
  }
  vouchers.forEach((v, i) => {
    out.push(extend({ lineId: `V${i + 1}`, productId: 'deposit-voucher', name: { da: 'Pantbon', en: 'Deposit voucher' }, quantity: 1, unit: 'each', unitPrice: -v.amount, memberPrice: false, grossPrice: -v.amount, discounts: [], paidPrice: -v.amount, vatRate: rules.vatRate, voucher: v.code }));
  });
  if (out.length === lines.length) return { lines: out, totals };
  const gross = out.reduce((s, l) => s + l.grossPrice, 0);
  const total = out.reduce((s, l) => s + l.paidPrice, 0);
  return { lines: out, totals: { ...totals, gross, discount: gross - total, total, vat: vatPerRate(out).filter((v) => v.gross !== 0) } };
}
