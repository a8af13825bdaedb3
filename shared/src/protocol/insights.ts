/** The manager's store insights and upstream status: what the hub answers, and the query it takes. */
import { z } from 'zod';
import type { LocalizedText } from '../catalog/schema.js';

const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });

/**
 * `from` and `to` are each an ISO instant (with Z or an offset) or a day `YYYY-MM-DD` in the store's
 * time zone: a day as `from` starts at its midnight, a day as `to` includes the whole day. Missing
 * ones mean the start of today and the end of today. `lang` picks the names in the CSV.
 */
export const insightsQuery = z
  .object({
    from: z.union([isoDate, isoDateTime]).optional(),
    to: z.union([isoDate, isoDateTime]).optional(),
    lang: z.string().regex(/^[a-z]{2}$/, 'a two-letter language').optional(),
  })
  .strict();
export type InsightsQuery = z.infer<typeof insightsQuery>;

/** The longest range one answer covers. */
export const INSIGHTS_MAX_DAYS = 366;

/** Sales figures of one bucket (an hour of the day, a day, a lane). Money in minor units. */
export interface SalesBucket {
  count: number;
  total: number;
}

export interface StoreInsights {
  /** The range as instants: `from` inclusive, `to` exclusive. */
  from: string;
  to: string;
  /** The store's IANA time zone: hours and days below are its local ones. */
  timeZone: string;
  currency: string;
  /** Paid sales whose payment was approved in the range. */
  sales: {
    count: number;
    total: number;
    /** Promotion discounts given (member prices are prices, not discounts). */
    discount: number;
    /** total / count, rounded half up to a whole minor unit; 0 without sales. */
    averageBasket: number;
    /** Items per sale (a weighed line counts as one), to two decimals. */
    itemsPerBasket: number;
  };
  /** Always 24 rows, hour 0–23 of the store's day, summed over every day of the range. */
  byHour: Array<SalesBucket & { hour: number }>;
  /** Every local day the range touches, oldest first, days without sales included. */
  byDay: Array<SalesBucket & { day: string }>;
  /** The 10 products with the most revenue (what customers paid after discounts). */
  topItems: Array<{ productId: string; name: LocalizedText; quantity: number; weightGrams: number; total: number }>;
  /** Each campaign that gave a discount: a redemption is one sale it applied to. Most discount first. */
  campaigns: Array<{ campaignId: string; name: LocalizedText; redemptions: number; discount: number }>;
  members: {
    salesWithMember: number;
    totalWithMember: number;
    /** salesWithMember / sales.count, 0..1 (0 without sales). */
    share: number;
    /** totalWithMember / sales.total, 0..1. */
    revenueShare: number;
  };
  /** Interventions opened in the range, by reason; the median over those resolved (not expired). */
  interventions: Array<{ reason: string; count: number; resolvedCount: number; medianSecondsToResolve: number | null }>;
  lanes: Array<{
    laneId: string;
    name: string;
    /** Paid sales and their total. */
    sales: number;
    total: number;
    /** Shopper visits started in the range, and how many of them were cancelled. */
    visits: number;
    cancelled: number;
    /** Minutes a shopper was at the lane (a visit from first scan to payment or cancellation) within the range. */
    busyMinutes: number;
    /** busyMinutes / the range's minutes up to now, 0..1. */
    utilisation: number;
  }>;
}

/** How far delivery to head office has come: the outbox relay's status. */
export interface UpstreamStatus {
  /** The sink's name: file, http or nats. */
  sink: string;
  /** Events not yet delivered, and when the oldest of them was written. */
  backlog: number;
  oldestPending: string | null;
  /** Delivered since the hub started. */
  delivered: number;
  lastDeliveredAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  /** Failed attempts in a row; 0 when the last one went through. */
  failures: number;
}
