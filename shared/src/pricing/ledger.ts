/** Running account of a basket's discounts: what each line still costs and who took what off. */
import type { Promotion } from '../catalog/schema.js';
import type { BaseLine } from './lines.js';
import type { Adjustment } from './types.js';

interface Entry {
  promotion: Promotion;
  /** Position among the entries: adjustments and line discounts follow it. */
  rank: number;
  amount: number;
  /** Per line index. */
  lines: Map<number, number>;
}

/** Records discounts per campaign and per line; refuses any that would make a line negative. */
export class Ledger {
  private readonly paidPrices: number[];
  private readonly entries = new Map<string, Entry>();
  /** Per line index: the entries that discount it. */
  private readonly byLine: Array<Set<Entry>>;

  constructor(private readonly lines: readonly BaseLine[]) {
    this.paidPrices = lines.map((l) => l.grossPrice);
    this.byLine = lines.map(() => new Set<Entry>());
  }

  /** What each line costs now, by line index. */
  get paid(): readonly number[] {
    return this.paidPrices;
  }

  total(): number {
    return this.paidPrices.reduce((a, b) => a + b, 0);
  }

  /** Takes `amount` off line `line` for `promotion`; zero amounts are not recorded. */
  add(promotion: Promotion, line: number, amount: number): void {
    if (amount === 0) return;
    const paid = this.paidPrices[line];
    if (paid === undefined || !Number.isSafeInteger(amount) || amount < 0 || amount > paid) {
      throw new Error(`internal: discount ${amount} on line ${line} (paid ${paid}) by ${promotion.id}`);
    }
    this.paidPrices[line] = paid - amount;
    const entry = this.entries.get(promotion.id) ?? {
      promotion,
      rank: this.entries.size,
      amount: 0,
      lines: new Map<number, number>(),
    };
    entry.amount += amount;
    entry.lines.set(line, (entry.lines.get(line) ?? 0) + amount);
    this.entries.set(promotion.id, entry);
    this.byLine[line]?.add(entry);
  }

  /** Spreads `parts` (one per listed line) as discounts of `promotion`. */
  addParts(promotion: Promotion, lines: readonly number[], parts: readonly number[]): void {
    lines.forEach((line, k) => this.add(promotion, line, parts[k] ?? 0));
  }

  /** One adjustment per campaign, in the order campaigns were first recorded; lines in input order. */
  adjustments(): Adjustment[] {
    return [...this.entries.values()].map((e) => ({
      campaignId: e.promotion.id,
      kind: e.promotion.kind,
      name: e.promotion.name,
      amount: e.amount,
      allocations: [...e.lines]
        .sort((a, b) => a[0] - b[0])
        .map(([line, amount]) => ({ lineId: this.lines[line]?.input.lineId ?? '', amount })),
    }));
  }

  /** The discounts of one line, one per campaign, in the order of adjustments(). */
  discountsOf(line: number): Array<{ campaignId: string; amount: number }> {
    return [...(this.byLine[line] ?? [])]
      .sort((a, b) => a.rank - b.rank)
      .map((e) => ({ campaignId: e.promotion.id, amount: e.lines.get(line) ?? 0 }));
  }
}
