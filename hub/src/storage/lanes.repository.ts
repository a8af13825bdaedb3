/**
 * Lanes, the shopper visits on them and their basket lines, plus the idempotency record of each request.
 * Reads take a transaction; writes are returned as statements, so a lane's change commits as one batch.
 */
import type { AgeCheckRecord, ConfiguredItem, DepositVoucher, DiningOption, Intervention, LaneOrder, LanePayment, LanePrinterProblem, LaneSnapshot, LaneStatus, Member, Product } from '@selfserve/shared';
import type { Param, Statement, Tx } from './db.js';

export interface LaneRow {
  id: string;
  name: string;
  status: LaneStatus;
  version: number;
  visitId: string | null;
  interventions: Intervention[];
  payment: LanePayment | null;
  receipt: LaneSnapshot['receipt'];
  printer: LanePrinterProblem | null;
  /** At an ordering kiosk: the order the visit just became, shown until the next guest. */
  order?: LaneOrder | null;
  updatedAt: string;
}

export interface VisitRow {
  id: string;
  laneId: string;
  /** ordered: an order placed at a kiosk that waits to be paid at the counter. */
  status: 'open' | 'cancelled' | 'completed' | 'ordered';
  startedAt: string;
  member: Member | null;
  coupons: string[];
  /** The age staff approved for this visit; a later item needing more asks again. */
  approvedAge: number | null;
  /** Every age check staff resolved in this visit, for the sale's record. */
  ageChecks: AgeCheckRecord[];
  /** At an ordering kiosk: eat in or take away. */
  dining?: DiningOption | null;
  /** Deposit-return vouchers scanned in this visit, deducted from its total. */
  vouchers?: DepositVoucher[];
}

export interface LineRow {
  lineId: string;
  seq: number;
  product: Product;
  code: string;
  quantity: number;
  weightGrams: number | null;
  labelPrice: number | null;
  /** The whole line's price set by staff, replacing the catalog's and any label's. */
  priceOverride: number | null;
  source: string | null;
  addedAt: string;
  /** At an ordering kiosk: the menu selection, configured and priced, that this line is. */
  menu?: ConfiguredItem | null;
}

export interface StoredAck {
  key: string;
  fingerprint: string;
  ack: string;
  at: string;
}

type Raw = Record<string, string | number | null>;

const sql = (text: string, ...params: Param[]): Statement => ({ sql: text, params });

function toLine(r: Raw): LineRow {
  return {
    lineId: String(r.line_id),
    seq: Number(r.seq),
    product: JSON.parse(String(r.product)) as Product,
    code: String(r.code),
    quantity: Number(r.quantity),
    weightGrams: r.weight_grams === null ? null : Number(r.weight_grams),
    labelPrice: r.label_price === null ? null : Number(r.label_price),
    priceOverride: r.price_override === null || r.price_override === undefined ? null : Number(r.price_override),
    source: (r.source as string | null) ?? null,
    addedAt: String(r.added_at),
    menu: r.menu ? (JSON.parse(String(r.menu)) as ConfiguredItem) : null,
  };
}

export const lanesRepository = {
  async ensure(tx: Tx, lanes: Array<{ id: string; name: string }>, now: string): Promise<void> {
    for (const l of lanes) {
      await tx.run(
        `INSERT INTO lanes (id, name, status, version, updated_at) VALUES (?, ?, 'idle', 0, ?)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name`,
        [l.id, l.name, now],
      );
    }
  },

  async lane(tx: Tx, id: string): Promise<LaneRow | undefined> {
    const r = await tx.get<Raw>('SELECT * FROM lanes WHERE id = ?', [id]);
    if (!r) return undefined;
    return {
      id: String(r.id),
      name: String(r.name),
      status: r.status as LaneStatus,
      version: Number(r.version),
      visitId: (r.visit_id as string | null) ?? null,
      interventions: JSON.parse(String(r.interventions)) as Intervention[],
      payment: r.payment ? (JSON.parse(String(r.payment)) as LanePayment) : null,
      receipt: r.receipt ? (JSON.parse(String(r.receipt)) as LaneSnapshot['receipt']) : null,
      printer: r.printer ? (JSON.parse(String(r.printer)) as LanePrinterProblem) : null,
      order: r.order_ref ? (JSON.parse(String(r.order_ref)) as LaneOrder) : null,
      updatedAt: String(r.updated_at),
    };
  },

  async visit(tx: Tx, id: string): Promise<VisitRow | undefined> {
    const r = await tx.get<Raw>('SELECT * FROM visits WHERE id = ?', [id]);
    if (!r) return undefined;
    return {
      id: String(r.id),
      laneId: String(r.lane_id),
      status: r.status as VisitRow['status'],
      startedAt: String(r.started_at),
      member: r.member ? (JSON.parse(String(r.member)) as Member) : null,
      coupons: JSON.parse(String(r.coupons)) as string[],
      approvedAge: r.approved_age === null || r.approved_age === undefined ? null : Number(r.approved_age),
      ageChecks: JSON.parse(String(r.age_checks ?? '[]')) as AgeCheckRecord[],
      dining: (r.dining as DiningOption | null | undefined) ?? null,
      vouchers: JSON.parse(String(r.vouchers ?? '[]')) as DepositVoucher[],
    };
  },

  async lines(tx: Tx, visitId: string): Promise<LineRow[]> {
    const rows = await tx.all<Raw>('SELECT * FROM visit_lines WHERE visit_id = ? AND removed_at IS NULL ORDER BY seq', [visitId]);
    return rows.map(toLine);
  },

  /** The highest line number ever used in the visit, removed lines included. */
  async maxSeq(tx: Tx, visitId: string): Promise<number> {
    const r = await tx.get<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM visit_lines WHERE visit_id = ?', [visitId]);
    return r?.seq ?? 0;
  },

  acks(tx: Tx, laneId: string, since: string): Promise<StoredAck[]> {
    return tx.all<StoredAck>('SELECT key, fingerprint, ack, created_at AS at FROM idempotency WHERE lane_id = ? AND created_at >= ?', [laneId, since]);
  },

  async pruneAcks(tx: Tx, olderThan: string): Promise<number> {
    return (await tx.run('DELETE FROM idempotency WHERE created_at < ?', [olderThan])).changes;
  },

  saveLane: (l: LaneRow) =>
    sql('UPDATE lanes SET status = ?, version = ?, visit_id = ?, interventions = ?, payment = ?, receipt = ?, printer = ?, order_ref = ?, updated_at = ? WHERE id = ?',
      l.status, l.version, l.visitId, JSON.stringify(l.interventions), l.payment ? JSON.stringify(l.payment) : null,
      l.receipt ? JSON.stringify(l.receipt) : null, l.printer ? JSON.stringify(l.printer) : null, l.order ? JSON.stringify(l.order) : null, l.updatedAt, l.id),

  createVisit: (v: VisitRow) =>
    sql('INSERT INTO visits (id, lane_id, status, started_at, member, coupons) VALUES (?, ?, ?, ?, ?, ?)',
      v.id, v.laneId, v.status, v.startedAt, v.member ? JSON.stringify(v.member) : null, JSON.stringify(v.coupons)),

  updateVisit: (v: VisitRow, endedAt: string | null = null) =>
    sql('UPDATE visits SET status = ?, member = ?, coupons = ?, approved_age = ?, age_checks = ?, dining = ?, vouchers = ?, ended_at = ? WHERE id = ?',
      v.status, v.member ? JSON.stringify(v.member) : null, JSON.stringify(v.coupons), v.approvedAge, JSON.stringify(v.ageChecks), v.dining ?? null, JSON.stringify(v.vouchers ?? []), endedAt, v.id),

  insertLine: (visitId: string, l: LineRow) =>
    sql(`INSERT INTO visit_lines (visit_id, line_id, seq, product, code, quantity, weight_grams, label_price, source, added_at, menu)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      visitId, l.lineId, l.seq, JSON.stringify(l.product), l.code, l.quantity, l.weightGrams, l.labelPrice, l.source, l.addedAt, l.menu ? JSON.stringify(l.menu) : null),

  /** A menu line whose choices the guest changed: a new product (its price) and configuration. */
  replaceMenuLine: (visitId: string, l: LineRow) =>
    sql('UPDATE visit_lines SET product = ?, code = ?, menu = ? WHERE visit_id = ? AND line_id = ?',
      JSON.stringify(l.product), l.code, l.menu ? JSON.stringify(l.menu) : null, visitId, l.lineId),

  setQuantity: (visitId: string, lineId: string, quantity: number) =>
    sql('UPDATE visit_lines SET quantity = ? WHERE visit_id = ? AND line_id = ?', quantity, visitId, lineId),

  overridePrice: (visitId: string, lineId: string, price: number) =>
    sql('UPDATE visit_lines SET price_override = ? WHERE visit_id = ? AND line_id = ?', price, visitId, lineId),

  removeLine: (visitId: string, lineId: string, at: string) =>
    sql('UPDATE visit_lines SET removed_at = ? WHERE visit_id = ? AND line_id = ?', at, visitId, lineId),

  /** `ack` is the answer as JSON. */
  storeAck: (laneId: string, key: string, fingerprint: string, ack: string, now: string) =>
    sql('INSERT INTO idempotency (lane_id, key, fingerprint, ack, created_at) VALUES (?, ?, ?, ?, ?)', laneId, key, fingerprint, ack, now),
};
