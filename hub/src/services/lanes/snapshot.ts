/** Builds a lane's snapshot: the hub prices the basket, displays only render what this returns. */
import { priceBasket, requiredAge, withDeposits, type AgeRules, type ConfiguredItem, type DepositRules, type LaneSnapshot, type OrderLineInfo, type Product, type Promotion, type SnapshotLine } from '@selfserve/shared';
import type { LaneRow, LineRow, VisitRow } from '../../storage/lanes.repository.js';

export interface SnapshotContext {
  promotions: readonly Promotion[];
  currency: string;
  ageRules: AgeRules;
  now: Date;
  /** Deposit (pant) classes; without them no deposit is charged. */
  deposits?: DepositRules;
  /** Whether a menu line could be ordered now (nothing in it sold out or out of its hours). */
  orderable?: (menu: ConfiguredItem) => boolean;
}

/** What the kiosk shows of a menu line, and sends back to edit it. */
const orderInfo = (menu: ConfiguredItem, orderable: boolean): OrderLineInfo => ({
  kind: menu.kind,
  id: menu.id,
  selection: menu.selection,
  details: menu.details,
  note: menu.note,
  allergens: menu.allergens,
  orderable,
});

/** A basket priced earlier, with the lane's state as it is now (status, version, payment, …). */
export function withLane(basket: LaneSnapshot, lane: LaneRow): LaneSnapshot {
  return {
    ...basket,
    laneId: lane.id,
    version: lane.version,
    status: lane.status,
    visitId: lane.visitId,
    interventions: lane.interventions,
    payment: lane.payment,
    receipt: lane.receipt,
    printer: lane.printer,
    order: lane.order ?? null,
    updatedAt: lane.updatedAt,
  };
}

export function buildSnapshot(lane: LaneRow, visit: VisitRow | null, lines: LineRow[], ctx: SnapshotContext): LaneSnapshot {
  // A line keeps the product as it was scanned, so a catalog import mid-visit cannot change a basket.
  const products = new Map<string, Product>(lines.map((l) => [l.product.id, l.product]));
  const priced = priceBasket({
    lines: lines.map((l) => ({
      lineId: l.lineId,
      productId: l.product.id,
      quantity: l.quantity,
      ...(l.weightGrams !== null ? { weightGrams: l.weightGrams } : {}),
      ...((l.priceOverride ?? l.labelPrice) !== null ? { labelPrice: (l.priceOverride ?? l.labelPrice)! } : {}),
    })),
    products,
    promotions: [...ctx.promotions],
    member: visit?.member ?? null,
    coupons: visit?.coupons ?? [],
    now: ctx.now,
    currency: ctx.currency,
  });
  const productLines: SnapshotLine[] = priced.lines.map((p, i) => ({
    ...p,
    code: lines[i]!.code,
    requiredAge: requiredAge(lines[i]!.product, ctx.ageRules),
    priceOverridden: lines[i]!.priceOverride !== null,
    ...(lines[i]!.menu ? { order: orderInfo(lines[i]!.menu!, ctx.orderable?.(lines[i]!.menu!) ?? true) } : {}),
  }));
  // Deposit lines follow their bottles, never discounted; deposit-return vouchers are deducted last.
  const byLine = new Map(lines.map((l) => [l.lineId, l.product]));
  const { lines: snapshotLines, totals } = ctx.deposits
    ? withDeposits(productLines, priced.totals, (l) => byLine.get(l.lineId), ctx.deposits, visit?.vouchers ?? [], (l) => ({ ...l, code: l.voucher ?? 'pant', requiredAge: null, priceOverridden: false }))
    : { lines: productLines, totals: priced.totals };
  const ages = snapshotLines.map((l) => l.requiredAge).filter((a): a is number => a !== null);
  return {
    laneId: lane.id,
    version: lane.version,
    status: lane.status,
    visitId: lane.visitId,
    lines: snapshotLines,
    adjustments: priced.adjustments,
    totals,
    requiredAge: ages.length ? Math.max(...ages) : null,
    interventions: lane.interventions,
    member: visit?.member ? { id: visit.member.id, name: visit.member.name ?? null } : null,
    coupons: visit?.coupons ?? [],
    payment: lane.payment,
    receipt: lane.receipt,
    printer: lane.printer,
    dining: visit?.dining ?? null,
    order: lane.order ?? null,
    updatedAt: lane.updatedAt,
  };
}
