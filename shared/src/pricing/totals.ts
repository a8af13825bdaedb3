/** The priced basket: lines with their discounts, VAT per rate and totals. */
import { vatFromGross } from '../money/index.js';
import type { Ledger } from './ledger.js';
import type { BaseLine } from './lines.js';
import type { PricedLine, PricingResult, VatLine } from './types.js';

export function buildResult(lines: readonly BaseLine[], ledger: Ledger, currency: string): PricingResult {
  const priced = lines.map((line, i) => pricedLine(line, ledger.discountsOf(i), ledger.paid[i] ?? 0));
  const gross = priced.reduce((s, l) => s + l.grossPrice, 0);
  const total = priced.reduce((s, l) => s + l.paidPrice, 0);
  return {
    lines: priced,
    adjustments: ledger.adjustments(),
    totals: {
      currency,
      gross,
      discount: gross - total,
      total,
      vat: vatPerRate(priced),
      itemCount: priced.reduce((s, l) => s + (l.unit === 'kg' ? 1 : l.quantity), 0),
    },
  };
}

function pricedLine(line: BaseLine, discounts: PricedLine['discounts'], paidPrice: number): PricedLine {
  const { input, product } = line;
  return {
    lineId: input.lineId,
    productId: product.id,
    name: product.name,
    quantity: input.quantity,
    ...(input.weightGrams !== undefined ? { weightGrams: input.weightGrams } : {}),
    unit: product.unit,
    unitPrice: line.unitPrice,
    memberPrice: line.memberPrice,
    grossPrice: line.grossPrice,
    discounts,
    paidPrice,
    vatRate: product.vatRate,
  };
}

/**
 * VAT per rate, highest rate first: computed once per rate on the sum of the paid (VAT-inclusive)
 * prices at that rate, not per line, so the VAT lines agree with the total.
 */
export function vatPerRate(lines: readonly PricedLine[]): VatLine[] {
  const gross = new Map<number, number>();
  for (const line of lines) gross.set(line.vatRate, (gross.get(line.vatRate) ?? 0) + line.paidPrice);
  return [...gross]
    .sort((a, b) => b[0] - a[0])
    .map(([rate, sum]) => {
      const vat = vatFromGross(sum, rate);
      return { rate, gross: sum, vat, net: sum - vat };
    });
}
