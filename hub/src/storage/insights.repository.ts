/**
 * The queries behind the manager's store insights, summed in SQLite from the paid baskets, visits and
 * interventions. They run on a read-only connection of their own inside one read transaction: a
 * year's figures see one consistent moment and never hold up a lane's writes on the main connection.
 */
import sqlite3 from 'sqlite3';
import type { Database, Param } from './db.js';

/** Bounds are ISO instants as the hub writes them (toISOString): `from` inclusive, `to` exclusive. */
export interface InsightsRange {
  from: string;
  to: string;
  /** Open visits count as busy up to this instant. */
  now: string;
}

interface Reader {
  all<T>(sql: string, params?: Param[]): Promise<T[]>;
}

/** A sale counts when its payment was approved: the partial index sales_paid (status = 'paid', paid_at) finds them. */
const PAID = `s.status = 'paid' AND s.paid_at >= ?1 AND s.paid_at < ?2`;
const paidParams = (range: InsightsRange): Param[] => [range.from, range.to];
/** Visits are searched by their start from this many days before the range: one left open longer is not counted. */
const SLACK_DAYS = 7;

export const insightsQueries = {
  async summary(r: Reader, range: InsightsRange) {
    const [row] = await r.all<{ count: number; total: number; discount: number; items: number; withMember: number; totalWithMember: number }>(
      `SELECT COUNT(*) AS count, COALESCE(SUM(s.total), 0) AS total,
         COALESCE(SUM(s.basket ->> '$.totals.discount'), 0) AS discount,
         COALESCE(SUM(s.basket ->> '$.totals.itemCount'), 0) AS items,
         COALESCE(SUM(json_type(s.basket, '$.member') = 'object'), 0) AS withMember,
         COALESCE(SUM(CASE WHEN json_type(s.basket, '$.member') = 'object' THEN s.total END), 0) AS totalWithMember
       FROM sales s WHERE ${PAID}`,
      paidParams(range),
    );
    return row!;
  },

  /**
   * Paid sales per quarter of a UTC hour ("2025-03-30T01:15"): every time zone's offset is a whole
   * number of quarter hours, so each bucket falls in exactly one local hour of the store.
   */
  quarters(r: Reader, range: InsightsRange) {
    return r.all<{ quarter: string; count: number; total: number }>(
      `SELECT substr(s.paid_at, 1, 14) || printf('%02d', CAST(substr(s.paid_at, 15, 2) AS INTEGER) / 15 * 15) AS quarter,
         COUNT(*) AS count, SUM(s.total) AS total
       FROM sales s WHERE ${PAID} GROUP BY quarter`,
      paidParams(range),
    );
  },

  /** Products by revenue; the name is the one on the product's newest sale. */
  topItems(r: Reader, range: InsightsRange, limit: number) {
    return r.all<{ productId: string; name: string; quantity: number; weightGrams: number; total: number }>(
      `SELECT l.value ->> '$.productId' AS productId, SUM(l.value ->> '$.quantity') AS quantity,
         COALESCE(SUM(l.value ->> '$.weightGrams'), 0) AS weightGrams, SUM(l.value ->> '$.paidPrice') AS total,
         MAX(s.paid_at) AS lastSold, l.value -> '$.name' AS name
       FROM sales s, json_each(s.basket, '$.lines') l WHERE ${PAID}
       GROUP BY productId ORDER BY total DESC, productId LIMIT ?3`,
      [...paidParams(range), limit],
    );
  },

  /** Each campaign's discount, and the number of sales it applied to. */
  campaigns(r: Reader, range: InsightsRange) {
    return r.all<{ campaignId: string; name: string; redemptions: number; discount: number }>(
      `SELECT a.value ->> '$.campaignId' AS campaignId, COUNT(DISTINCT s.id) AS redemptions,
         SUM(a.value ->> '$.amount') AS discount, MAX(s.paid_at) AS lastSold, a.value -> '$.name' AS name
       FROM sales s, json_each(s.basket, '$.adjustments') a WHERE ${PAID}
       GROUP BY campaignId ORDER BY discount DESC, campaignId`,
      paidParams(range),
    );
  },

  /** Interventions opened in the range, with when they were resolved (null when not, or expired). */
  interventions(r: Reader, range: InsightsRange) {
    return r.all<{ reason: string; openedAt: string; resolvedAt: string | null }>(
      `SELECT reason, opened_at AS openedAt, CASE WHEN state = 'resolved' THEN resolved_at END AS resolvedAt
       FROM interventions WHERE lane_id IN (SELECT id FROM lanes) AND opened_at >= ? AND opened_at < ?`,
      [range.from, range.to],
    );
  },

  lanes(r: Reader) {
    return r.all<{ laneId: string; name: string }>('SELECT id AS laneId, name FROM lanes ORDER BY id');
  },

  salesByLane(r: Reader, range: InsightsRange) {
    return r.all<{ laneId: string; count: number; total: number }>(
      `SELECT s.lane_id AS laneId, COUNT(*) AS count, SUM(s.total) AS total FROM sales s WHERE ${PAID} GROUP BY s.lane_id`,
      paidParams(range),
    );
  },

  /**
   * Visits started in the range, the cancelled among them, and the minutes shoppers were at each
   * lane within the range (an open visit up to now), from visits overlapping it. Like sales, the
   * index is searched from SLACK_DAYS before the range: a visit left open longer is not counted.
   */
  visitsByLane(r: Reader, range: InsightsRange) {
    const end = range.to < range.now ? range.to : range.now;
    const since = new Date(Date.parse(range.from) - SLACK_DAYS * 86_400_000).toISOString();
    return r.all<{ laneId: string; visits: number; cancelled: number; busyMinutes: number }>(
      `SELECT lane_id AS laneId,
         SUM(started_at >= ?1 AND started_at < ?2) AS visits,
         SUM(started_at >= ?1 AND started_at < ?2 AND status = 'cancelled') AS cancelled,
         COALESCE(SUM(MAX(0, julianday(MIN(COALESCE(ended_at, ?3), ?4)) - julianday(MAX(started_at, ?1)))), 0) * 1440 AS busyMinutes
       FROM visits WHERE lane_id IN (SELECT id FROM lanes) AND started_at >= ?5 AND started_at < ?2 AND (ended_at IS NULL OR ended_at > ?1)
       GROUP BY lane_id`,
      [range.from, range.to, range.now, end, since],
    );
  },
};

/**
 * Runs `fn` in one read transaction on a read-only connection to the hub's database file, opened for
 * this call and closed after. An in-memory database (some unit tests) has no second connection, so
 * there the main one answers.
 */
export async function readSnapshot<T>(db: Database, fn: (r: Reader) => Promise<T>): Promise<T> {
  if (db.file === ':memory:' || db.file === '') return fn(db);
  const conn = await new Promise<sqlite3.Database>((resolve, reject) => {
    const c = new sqlite3.Database(db.file, sqlite3.OPEN_READONLY, (err) => (err ? reject(err) : resolve(c)));
  });
  const exec = (sql: string) => new Promise<void>((resolve, reject) => conn.exec(sql, (err) => (err ? reject(err) : resolve())));
  const reader: Reader = {
    all: <R>(sql: string, params: Param[] = []) => new Promise<R[]>((resolve, reject) => conn.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as R[])))),
  };
  try {
    await exec('PRAGMA busy_timeout = 5000; BEGIN');
    const value = await fn(reader);
    await exec('COMMIT');
    return value;
  } finally {
    await new Promise<void>((resolve) => conn.close(() => resolve()));
  }
}
