/** What each business change tells head office: the data of its event, built from the lane's draft. */
import type { Intervention, SnapshotLine } from '@selfserve/shared';
import type { Draft } from '../services/lanes/lane-book.js';
import type { LineRow } from '../storage/lanes.repository.js';
import type { PendingEvent } from './envelope.js';

/** The GTIN scanned if it is one of the product's, else the product's first; null for items without one. */
const gtinOf = (code: string, line: LineRow | undefined): string | null => {
  const gtins = (line?.product.gtins ?? []).map((g) => g.padStart(14, '0'));
  const scanned = code.replace(/\D/g, '').padStart(14, '0');
  return gtins.find((g) => g === scanned) ?? gtins[0] ?? null;
};

/** A sale just paid: the basket as priced at payment, its campaigns, VAT, payment and (with consent) the member's pseudonym. */
export function saleCompleted(d: Draft, sale: { saleId: string; number: number; method: 'card' | 'cash'; memberPseudonym: string | null }): PendingEvent<'sale.completed.v1'> {
  const basket = d.snapshot;
  const payment = d.lane.payment!;
  const order = d.lane.order;
  const byLine = new Map(d.lines.map((l) => [l.lineId, l]));
  return {
    type: 'sale.completed.v1',
    subject: sale.saleId,
    data: {
      saleId: sale.saleId,
      number: sale.number,
      channel: { kind: order ? (order.payAt === 'kiosk' ? 'kiosk' : 'counter') : 'lane', laneId: d.lane.id },
      deviceId: payment.deviceId,
      visitId: d.visit!.id,
      startedAt: d.visit!.startedAt,
      completedAt: d.now,
      currency: basket.totals.currency,
      lines: basket.lines.map((l) => saleLine(l, byLine.get(l.lineId))),
      campaigns: basket.adjustments.map((a) => ({ campaignId: a.campaignId, kind: a.kind, name: a.name.da, amount: a.amount })),
      totals: { gross: basket.totals.gross, discount: basket.totals.discount, total: basket.totals.total, itemCount: basket.totals.itemCount, vat: basket.totals.vat },
      payment: { method: sale.method, brand: payment.brand, entryMode: payment.entryMode, amount: payment.amount },
      ...(order ? { order: { orderId: order.id, number: order.number, dining: d.visit!.dining ?? 'take-away', paidAt: order.payAt } } : {}),
      member: sale.memberPseudonym ? { pseudonym: sale.memberPseudonym } : null,
      ageChecks: d.visit!.ageChecks,
    },
  };
}

function saleLine(l: SnapshotLine, row: LineRow | undefined) {
  return {
    lineId: l.lineId,
    productId: l.productId,
    gtin: gtinOf(l.code, row),
    code: l.code,
    name: l.name.da,
    department: row?.product.department ?? null,
    unit: l.unit,
    quantity: l.quantity,
    weightGrams: l.weightGrams ?? null,
    unitPrice: l.unitPrice,
    grossPrice: l.grossPrice,
    paidPrice: l.paidPrice,
    vatRate: l.vatRate,
    discounts: l.discounts.map((x) => ({ campaignId: x.campaignId, amount: x.amount })),
    priceOverridden: l.priceOverridden,
  };
}

/** The visit's basket given up, by the shopper (or their idle timeout) or by staff. */
export function basketCancelled(d: Draft, by: 'shopper' | 'staff'): PendingEvent<'basket.cancelled.v1'> {
  const priced = new Map(d.snapshot.lines.map((l) => [l.lineId, l.grossPrice]));
  return {
    type: 'basket.cancelled.v1',
    subject: d.visit!.id,
    data: {
      laneId: d.lane.id,
      visitId: d.visit!.id,
      by,
      cancelledAt: d.now,
      currency: d.snapshot.totals.currency,
      total: d.snapshot.totals.total,
      lines: d.lines.map((l) => ({ productId: l.product.id, quantity: l.quantity, weightGrams: l.weightGrams, grossPrice: priced.get(l.lineId) ?? 0 })),
    },
  };
}

/** A line (or some of its units) taken off by staff, or by the shopper with staff's approval. */
export function lineVoided(d: Draft, line: LineRow, quantity: number, approvedBy: string | null): PendingEvent<'line.voided.v1'> {
  const priced = d.snapshot.lines.find((l) => l.lineId === line.lineId);
  const share = priced ? Math.round((priced.grossPrice * quantity) / Math.max(1, line.quantity)) : 0;
  return {
    type: 'line.voided.v1',
    subject: d.visit!.id,
    data: { laneId: d.lane.id, visitId: d.visit!.id, productId: line.product.id, quantity, grossPrice: share, approvedBy, voidedAt: d.now },
  };
}

export function interventionResolved(d: Draft, i: Intervention, outcome: string, method: string | null): PendingEvent<'intervention.resolved.v1'> {
  return {
    type: 'intervention.resolved.v1',
    subject: i.id,
    data: {
      laneId: d.lane.id,
      interventionId: i.id,
      reason: i.reason,
      outcome,
      method,
      openedAt: i.openedAt,
      resolvedAt: d.now,
      waitedMs: Math.max(0, Date.parse(d.now) - Date.parse(i.openedAt)),
    },
  };
}
