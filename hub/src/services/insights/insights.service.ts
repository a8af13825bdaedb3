/**
 * The store's insights for its manager: sales by hour and day, basket size, top items, campaigns,
 * members, interventions and lanes over a range of the store's local days, from its own database.
 */
import type { LocalizedText, StoreInsights } from '@selfserve/shared';
import type { Clock } from '../../clock.js';
import type { Database } from '../../storage/db.js';
import { insightsQueries as q, readSnapshot, type InsightsRange } from '../../storage/insights.repository.js';
import { daysOf, localParts } from './local-time.js';
import { resolveRange } from './range.js';
import { median, ratio, round } from './stats.js';

export interface InsightsDeps {
  db: Database;
  clock: Clock;
  timeZone: string;
  currency: () => string;
}

const TOP_ITEMS = 10;

export class InsightsService {
  /** One computation at a time: a year of baskets keeps a database thread busy for seconds. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: InsightsDeps) {}

  /** Throws InsightsRangeError for a range that is empty, reversed or longer than allowed. */
  compute(query: { from?: string | undefined; to?: string | undefined } = {}): Promise<StoreInsights> {
    const result = this.queue.then(() => this.computeNow(query));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async computeNow(query: { from?: string | undefined; to?: string | undefined }): Promise<StoreInsights> {
    const { timeZone } = this.deps;
    const now = this.deps.clock.now();
    const { from, to } = resolveRange(query, timeZone, now);
    const range: InsightsRange = { from: from.toISOString(), to: to.toISOString(), now: now.toISOString() };

    const rows = await readSnapshot(this.deps.db, async (r) => ({
      summary: await q.summary(r, range),
      quarters: await q.quarters(r, range),
      topItems: await q.topItems(r, range, TOP_ITEMS),
      campaigns: await q.campaigns(r, range),
      interventions: await q.interventions(r, range),
      lanes: await q.lanes(r),
      salesByLane: await q.salesByLane(r, range),
      visitsByLane: await q.visitsByLane(r, range),
    }));

    const { summary: s } = rows;
    const { byHour, byDay } = bucket(rows.quarters, from, to, timeZone);
    // The minutes of the range that have happened: today's utilisation is of the day so far.
    const rangeMinutes = Math.max(0, Math.min(to.getTime(), now.getTime()) - from.getTime()) / 60_000;

    return {
      from: range.from,
      to: range.to,
      timeZone,
      currency: this.deps.currency(),
      sales: {
        count: s.count,
        total: s.total,
        discount: s.discount,
        averageBasket: s.count > 0 ? round(s.total / s.count) : 0,
        itemsPerBasket: s.count > 0 ? round(s.items / s.count, 2) : 0,
      },
      byHour,
      byDay,
      topItems: rows.topItems.map((i) => ({ productId: i.productId, name: text(i.name, i.productId), quantity: i.quantity, weightGrams: i.weightGrams, total: i.total })),
      campaigns: rows.campaigns.map((c) => ({ campaignId: c.campaignId, name: text(c.name, c.campaignId), redemptions: c.redemptions, discount: c.discount })),
      members: {
        salesWithMember: s.withMember,
        totalWithMember: s.totalWithMember,
        share: ratio(s.withMember, s.count),
        revenueShare: ratio(s.totalWithMember, s.total),
      },
      interventions: byReason(rows.interventions),
      lanes: byLane(rows, rangeMinutes),
    };
  }
}

/** Every lane, with or without sales and visits in the range; utilisation is of `rangeMinutes`. */
function byLane(
  rows: { lanes: Array<{ laneId: string; name: string }>; salesByLane: Array<{ laneId: string; count: number; total: number }>; visitsByLane: Array<{ laneId: string; visits: number; cancelled: number; busyMinutes: number }> },
  rangeMinutes: number,
): StoreInsights['lanes'] {
  const salesOf = new Map(rows.salesByLane.map((l) => [l.laneId, l]));
  const visitsOf = new Map(rows.visitsByLane.map((l) => [l.laneId, l]));
  return rows.lanes.map(({ laneId, name }) => {
    const sales = salesOf.get(laneId);
    const visits = visitsOf.get(laneId);
    const busy = visits?.busyMinutes ?? 0;
    return {
      laneId,
      name,
      sales: sales?.count ?? 0,
      total: sales?.total ?? 0,
      visits: visits?.visits ?? 0,
      cancelled: visits?.cancelled ?? 0,
      busyMinutes: round(busy, 2),
      utilisation: Math.min(1, ratio(busy, rangeMinutes)),
    };
  });
}

/** Quarter-hour sums into the store's local hours of the day and local days of the range. */
export function bucket(quarters: ReadonlyArray<{ quarter: string; count: number; total: number }>, from: Date, to: Date, timeZone: string) {
  const byHour = Array.from({ length: 24 }, (_, hour) => ({ hour, count: 0, total: 0 }));
  const byDay = new Map(daysOf(from, to, timeZone).map((day) => [day, { day, count: 0, total: 0 }]));
  for (const b of quarters) {
    const { day, hour } = localParts(new Date(`${b.quarter}:00.000Z`), timeZone);
    const h = byHour[hour]!;
    h.count += b.count;
    h.total += b.total;
    const d = byDay.get(day);
    if (d) {
      d.count += b.count;
      d.total += b.total;
    }
  }
  return { byHour, byDay: [...byDay.values()] };
}

/** Count, resolved and the median seconds from opening to resolution, per reason, most frequent first. */
export function byReason(rows: ReadonlyArray<{ reason: string; openedAt: string; resolvedAt: string | null }>): StoreInsights['interventions'] {
  const groups = new Map<string, { count: number; seconds: number[] }>();
  for (const r of rows) {
    const g = groups.get(r.reason) ?? { count: 0, seconds: [] };
    g.count += 1;
    if (r.resolvedAt) g.seconds.push((Date.parse(r.resolvedAt) - Date.parse(r.openedAt)) / 1000);
    groups.set(r.reason, g);
  }
  return [...groups]
    .map(([reason, g]) => ({ reason, count: g.count, resolvedCount: g.seconds.length, medianSecondsToResolve: median(g.seconds) }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

/** A name stored as JSON in the basket; an id stands in if it is missing or unreadable. */
function text(json: string | null, fallback: string): LocalizedText {
  try {
    const parsed = JSON.parse(json ?? 'null') as unknown;
    if (parsed && typeof parsed === 'object' && typeof (parsed as { da?: unknown }).da === 'string') return parsed as LocalizedText;
  } catch {
    // fall through
  }
  return { da: fallback };
}
