/** Sums journal records into a day report's figures: the report is the journal added up, nothing else. */
import type { CountAmount, DayReport, VatLine } from '@selfserve/shared';
import type { StoredRecord } from '../../storage/journal.repository.js';

type Figures = Omit<DayReport, 'kind' | 'number' | 'laneId' | 'day' | 'from' | 'to' | 'terminals' | 'createdAt' | 'createdBy'>;

const zero = (): CountAmount => ({ count: 0, amount: 0 });
const add = (c: CountAmount, amount: number) => {
  c.count += 1;
  c.amount += amount;
};

interface SaleData {
  totals: { total: number; vat: VatLine[] };
  payment: { method: 'card' | 'cash'; amount: number };
  lines: Array<{ productId: string; paidPrice: number }>;
}

export function sumJournal(records: readonly StoredRecord[]): Figures {
  const f: Figures = {
    journal: { firstSeq: records[0]?.seq ?? null, lastSeq: records.at(-1)?.seq ?? null, records: records.length },
    sales: { ...zero(), byMethod: { card: zero(), cash: zero() }, byVat: [] },
    refunds: { ...zero(), byMethod: { card: zero(), cash: zero() } },
    voids: zero(),
    cancelled: zero(),
    overrides: zero(),
    deposits: { charged: 0, vouchers: zero() },
    lanes: { opened: 0, closed: 0 },
    net: { card: 0, cash: 0 },
  };
  const vat = new Map<number, VatLine>();
  for (const r of records) {
    const data = JSON.parse(r.data) as Record<string, unknown>;
    switch (r.type) {
      case 'sale': {
        const s = data as unknown as SaleData;
        add(f.sales, s.totals.total);
        add(f.sales.byMethod[s.payment.method], s.totals.total);
        f.net[s.payment.method] += s.totals.total;
        for (const row of s.totals.vat) {
          const v = vat.get(row.rate) ?? { rate: row.rate, gross: 0, vat: 0, net: 0 };
          vat.set(row.rate, { rate: row.rate, gross: v.gross + row.gross, vat: v.vat + row.vat, net: v.net + row.net });
        }
        for (const l of s.lines) {
          if (l.productId === 'deposit-voucher') add(f.deposits.vouchers, -l.paidPrice);
          else if (l.productId.startsWith('deposit-')) f.deposits.charged += l.paidPrice;
        }
        break;
      }
      case 'refund': {
        const amount = Number(data.amount);
        const method = data.method as 'card' | 'cash';
        add(f.refunds, amount);
        add(f.refunds.byMethod[method], amount);
        f.net[method] -= amount;
        break;
      }
      case 'void':
        add(f.voids, Number(data.grossPrice));
        break;
      case 'basket-cancelled':
        add(f.cancelled, Number(data.total));
        break;
      case 'price-override':
        add(f.overrides, Number(data.previousPrice ?? 0) - Number(data.price));
        break;
      case 'lane-opened':
        f.lanes.opened += 1;
        break;
      case 'lane-closed':
        f.lanes.closed += 1;
        break;
    }
  }
  f.sales.byVat = [...vat.values()].sort((a, b) => b.rate - a.rate);
  return f;
}

/** Our card figures of one lane in the records, to set beside its terminal's. */
export function cardFiguresOf(records: readonly StoredRecord[], laneId: string): { payments: CountAmount; reversals: CountAmount } {
  const payments = zero();
  const reversals = zero();
  for (const r of records) {
    if (r.laneId !== laneId) continue;
    const data = JSON.parse(r.data) as Record<string, unknown>;
    if (r.type === 'sale' && (data.payment as { method: string }).method === 'card') add(payments, (data.payment as { amount: number }).amount);
    if (r.type === 'refund' && data.method === 'card') add(reversals, Number(data.amount));
  }
  return { payments, reversals };
}
