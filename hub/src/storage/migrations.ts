/** Numbered schema migrations; user_version records the last one applied. Never edit a released one. */

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'catalog, lanes, visits, idempotency, devices',
    sql: `
CREATE TABLE products (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE product_codes (code TEXT PRIMARY KEY, product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE);
CREATE TABLE promotions (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE members (id TEXT PRIMARY KEY, card_number TEXT NOT NULL UNIQUE, data TEXT NOT NULL);
CREATE TABLE catalog_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE lanes (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  version INTEGER NOT NULL,
  visit_id TEXT,
  interventions TEXT NOT NULL DEFAULT '[]',
  updated_at TEXT NOT NULL
);
CREATE TABLE visits (
  id TEXT PRIMARY KEY,
  lane_id TEXT NOT NULL REFERENCES lanes(id),
  status TEXT NOT NULL,
  started_at TEXT NOT NULL,
  ended_at TEXT,
  member TEXT,
  coupons TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX visits_by_lane ON visits(lane_id, started_at);
CREATE TABLE visit_lines (
  visit_id TEXT NOT NULL REFERENCES visits(id),
  line_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  product TEXT NOT NULL,
  code TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  weight_grams INTEGER CHECK (weight_grams IS NULL OR weight_grams > 0),
  label_price INTEGER CHECK (label_price IS NULL OR label_price >= 0),
  source TEXT,
  added_at TEXT NOT NULL,
  removed_at TEXT,
  PRIMARY KEY (visit_id, line_id)
);
CREATE TABLE idempotency (
  lane_id TEXT NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  ack TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (lane_id, key)
);
CREATE INDEX idempotency_by_age ON idempotency(created_at);
CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  lane_id TEXT,
  name TEXT,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
)`,
  },
  {
    version: 2,
    name: 'sales, payment journal, lane payment state',
    sql: `
ALTER TABLE lanes ADD COLUMN payment TEXT;
ALTER TABLE lanes ADD COLUMN receipt TEXT;
CREATE TABLE sales (
  id TEXT PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE,
  lane_id TEXT NOT NULL REFERENCES lanes(id),
  visit_id TEXT NOT NULL REFERENCES visits(id),
  status TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'abandoned')),
  total INTEGER NOT NULL CHECK (total >= 0),
  currency TEXT NOT NULL,
  basket TEXT NOT NULL,
  created_at TEXT NOT NULL,
  paid_at TEXT
);
CREATE INDEX sales_by_lane ON sales(lane_id, created_at);
CREATE TABLE payments (
  service_id TEXT PRIMARY KEY,
  sale_id TEXT NOT NULL REFERENCES sales(id),
  amount INTEGER NOT NULL CHECK (amount > 0),
  currency TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('sent', 'unknown', 'approved', 'declined', 'cancelled', 'failed')),
  result TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX payments_by_sale ON payments(sale_id);
-- The same sale never has two attempts whose outcome is open.
CREATE UNIQUE INDEX payments_one_open_per_sale ON payments(sale_id) WHERE state IN ('sent', 'unknown')`,
  },
  {
    version: 3,
    name: 'print queue',
    sql: `
CREATE TABLE print_jobs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  lane_id TEXT NOT NULL,
  sale_id TEXT NOT NULL,
  document TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'printed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at TEXT NOT NULL,
  printed_at TEXT
);
CREATE INDEX print_jobs_queue ON print_jobs(lane_id, state, id);
ALTER TABLE lanes ADD COLUMN printer TEXT`,
  },
  {
    version: 4,
    name: 'staff and the append-only audit log',
    // Statements are split on a semicolon that ends a line, so each trigger body stays on one line.
    sql: `
CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  badge TEXT UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('attendant', 'supervisor', 'manager')),
  pin_hash TEXT NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT,
  action TEXT NOT NULL,
  lane_id TEXT,
  device_id TEXT,
  method TEXT,
  outcome TEXT NOT NULL,
  detail TEXT
);
CREATE INDEX audit_log_by_time ON audit_log(at);
CREATE INDEX audit_log_by_actor ON audit_log(actor, at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
  },
  {
    version: 5,
    name: 'interventions, age approval, price overrides, device pairing and revocation',
    sql: `
CREATE TABLE interventions (
  id TEXT PRIMARY KEY,
  lane_id TEXT NOT NULL REFERENCES lanes(id),
  visit_id TEXT,
  reason TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'claimed', 'resolved', 'expired')),
  data TEXT NOT NULL,
  requested_by TEXT,
  requested_device TEXT,
  opened_at TEXT NOT NULL,
  claimed_by TEXT,
  claimed_at TEXT,
  resolved_by TEXT,
  resolved_at TEXT,
  outcome TEXT,
  method TEXT
);
CREATE INDEX interventions_by_lane ON interventions(lane_id, opened_at);
ALTER TABLE visits ADD COLUMN approved_age INTEGER;
ALTER TABLE visit_lines ADD COLUMN price_override INTEGER CHECK (price_override IS NULL OR price_override >= 0);
ALTER TABLE devices ADD COLUMN paired_at TEXT;
ALTER TABLE devices ADD COLUMN revoked_at TEXT;
CREATE TABLE pairing_codes (
  code_hash TEXT PRIMARY KEY,
  device_id TEXT NOT NULL REFERENCES devices(id),
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX pairing_codes_by_device ON pairing_codes(device_id)`,
  },
  {
    version: 6,
    name: 'the upstream outbox, age checks of a visit, the device that paid',
    sql: `
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  event TEXT NOT NULL,
  created_at TEXT NOT NULL,
  delivered_at TEXT
);
CREATE INDEX outbox_pending ON outbox(seq) WHERE delivered_at IS NULL;
CREATE INDEX outbox_delivered ON outbox(delivered_at) WHERE delivered_at IS NOT NULL;
ALTER TABLE visits ADD COLUMN age_checks TEXT NOT NULL DEFAULT '[]'`,
  },
  {
    version: 7,
    name: 'paid sales by time, for insights',
    sql: `CREATE INDEX sales_paid ON sales(paid_at) WHERE status = 'paid'`,
  },
  {
    version: 8,
    name: 'restaurant orders: menu lines, dining, the order a visit became, sold-out items',
    sql: `
ALTER TABLE visit_lines ADD COLUMN menu TEXT;
ALTER TABLE visits ADD COLUMN dining TEXT CHECK (dining IS NULL OR dining IN ('eat-in', 'take-away'));
ALTER TABLE lanes ADD COLUMN order_ref TEXT;
CREATE TABLE orders (
  id TEXT PRIMARY KEY,
  number INTEGER NOT NULL,
  day TEXT NOT NULL,
  lane_id TEXT NOT NULL,
  visit_id TEXT NOT NULL UNIQUE REFERENCES visits(id),
  sale_id TEXT REFERENCES sales(id),
  status TEXT NOT NULL CHECK (status IN ('awaiting-payment', 'preparing', 'ready', 'collected', 'cancelled')),
  dining TEXT NOT NULL CHECK (dining IN ('eat-in', 'take-away')),
  total INTEGER NOT NULL CHECK (total >= 0),
  currency TEXT NOT NULL,
  payment_method TEXT CHECK (payment_method IS NULL OR payment_method IN ('card', 'cash')),
  lines TEXT NOT NULL,
  kitchen TEXT NOT NULL,
  created_at TEXT NOT NULL,
  released_at TEXT,
  ready_at TEXT,
  closed_at TEXT
);
-- Never two open orders with the same number: the guest's ticket names exactly one.
CREATE UNIQUE INDEX orders_open_number ON orders(number) WHERE status IN ('awaiting-payment', 'preparing', 'ready');
CREATE INDEX orders_by_day ON orders(day, number);
CREATE TABLE menu_sold_out (
  key TEXT PRIMARY KEY,
  since TEXT NOT NULL,
  by_staff TEXT,
  by_device TEXT
)`,
  },
  {
    version: 9,
    name: 'store day: the electronic journal, refunds, deposit vouchers, Z reports',
    sql: `
-- Append-only: a record's seq is its place in the chain, its hash covers it and the hash before it.
CREATE TABLE journal (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  type TEXT NOT NULL,
  lane_id TEXT,
  staff_id TEXT,
  data TEXT NOT NULL,
  prev_hash TEXT,
  hash TEXT
);
CREATE INDEX journal_by_time ON journal(at);
CREATE INDEX journal_unsealed ON journal(seq) WHERE hash IS NULL;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TABLE refunds (
  id TEXT PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE,
  sale_id TEXT NOT NULL REFERENCES sales(id),
  lane_id TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('card', 'cash')),
  amount INTEGER NOT NULL CHECK (amount >= 0),
  lines TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'completed', 'failed', 'unknown')),
  service_id TEXT,
  result TEXT,
  staff_id TEXT,
  created_at TEXT NOT NULL,
  completed_at TEXT
);
CREATE INDEX refunds_by_sale ON refunds(sale_id);
CREATE TABLE deposit_vouchers (
  code TEXT PRIMARY KEY,
  amount INTEGER NOT NULL CHECK (amount > 0),
  lane_id TEXT NOT NULL,
  visit_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('held', 'redeemed')),
  at TEXT NOT NULL
);
ALTER TABLE visits ADD COLUMN vouchers TEXT NOT NULL DEFAULT '[]';
CREATE TABLE z_reports (
  id TEXT PRIMARY KEY,
  number INTEGER NOT NULL,
  scope TEXT NOT NULL,
  day TEXT NOT NULL,
  last_seq INTEGER,
  report TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (scope, number),
  UNIQUE (scope, day)
)`,
  },
];

/** The schema version this code runs on: a database below it is migrated forward, and backed up first. */
export const LATEST_SCHEMA = Math.max(...MIGRATIONS.map((m) => m.version));
