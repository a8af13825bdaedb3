/** The hub's Prometheus metrics: counters fed by lane snapshots and device answers, gauges read when scraped. */
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { DEVICE_KINDS, LANE_STATUSES, type Ack, type DeviceKind, type LaneSnapshot } from '@selfserve/shared';

export interface MetricsSources {
  /** Every lane's current snapshot (status, printer trouble). */
  lanes: () => Promise<LaneSnapshot[]>;
  connectedDevices: () => Array<{ kind: DeviceKind }>;
  upstream: () => Promise<{ backlog: number; oldestPending: string | null }>;
  now: () => Date;
}

const FINAL_PAYMENTS = new Set(['approved', 'declined', 'cancelled', 'failed']);
/** The hub is asking the terminal because its answer was lost. */
const UNKNOWN_PAYMENTS = new Set(['checking', 'offline']);

/** What the counters remember of a lane's last snapshot, to count only what changed. */
interface Seen {
  visitId: string | null;
  payment: string | null;
  paymentState: string | null;
  interventions: Map<string, string>;
}

/**
 * The services know nothing of Prometheus: the hub feeds this class each lane snapshot and each device
 * answer, and it counts what changed. A private registry, so hubs in one process (tests) never share counts.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly seen = new Map<string, Seen>();
  private readonly scans: Counter<'lane' | 'outcome'>;
  private readonly sales: Counter<'lane'>;
  private readonly salesAmount: Counter<'lane' | 'currency'>;
  private readonly payments: Counter<'lane' | 'outcome'>;
  private readonly opened: Counter<'lane' | 'reason'>;
  private readonly resolved: Counter<'lane' | 'reason' | 'outcome'>;

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.scans = new Counter({ name: 'selfserve_scans_total', help: 'Scans answered, by lane and outcome (ok or the error code).', labelNames: ['lane', 'outcome'], registers });
    this.sales = new Counter({ name: 'selfserve_sales_total', help: 'Sales paid (payment approved), by lane.', labelNames: ['lane'], registers });
    this.salesAmount = new Counter({ name: 'selfserve_sales_amount_minor_total', help: 'Amount of the paid sales in minor units (cents), by lane and currency.', labelNames: ['lane', 'currency'], registers });
    this.payments = new Counter({
      name: 'selfserve_payments_total',
      help: 'Payment outcomes by lane: approved, declined, cancelled, failed; unknown counts each payment whose answer was lost and had to be asked for (its final outcome is counted too).',
      labelNames: ['lane', 'outcome'],
      registers,
    });
    this.opened = new Counter({ name: 'selfserve_interventions_opened_total', help: 'Interventions opened, by lane and reason.', labelNames: ['lane', 'reason'], registers });
    this.resolved = new Counter({
      name: 'selfserve_interventions_resolved_total',
      help: 'Interventions closed, by lane, reason and outcome: resolved (the visit went on) or expired (it ended with the visit).',
      labelNames: ['lane', 'reason', 'outcome'],
      registers,
    });

    const snapshots = async () => sources.lanes();
    new Gauge({
      name: 'selfserve_lane_status',
      help: "1 for each lane's current status, 0 for the others.",
      labelNames: ['lane', 'status'],
      registers,
      async collect() {
        this.reset();
        for (const s of await snapshots()) for (const status of LANE_STATUSES) this.set({ lane: s.laneId, status }, s.status === status ? 1 : 0);
      },
    });
    new Gauge({
      name: 'selfserve_printer_problem',
      help: "1 while a lane's receipt printer has trouble, labelled with the reason.",
      labelNames: ['lane', 'reason'],
      registers,
      async collect() {
        this.reset();
        for (const s of await snapshots()) if (s.printer) this.set({ lane: s.laneId, reason: s.printer.reason }, 1);
      },
    });
    new Gauge({
      name: 'selfserve_connected_devices',
      help: 'Devices connected now (sockets), by kind.',
      labelNames: ['kind'],
      registers,
      collect() {
        const counts = new Map<string, number>(DEVICE_KINDS.map((k) => [k, 0]));
        for (const d of sources.connectedDevices()) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
        for (const [kind, n] of counts) this.set({ kind }, n);
      },
    });
    // Both outbox gauges come from one status read per scrape.
    let upstream: Promise<{ backlog: number; oldestPending: string | null }> | null = null;
    const status = () => (upstream ??= sources.upstream().finally(() => setImmediate(() => (upstream = null))));
    new Gauge({
      name: 'selfserve_outbox_backlog',
      help: 'Events in the outbox not yet delivered upstream.',
      registers,
      async collect() {
        this.set((await status()).backlog);
      },
    });
    new Gauge({
      name: 'selfserve_outbox_oldest_pending_seconds',
      help: 'Age of the oldest event not yet delivered upstream; 0 when none waits.',
      registers,
      async collect() {
        const { oldestPending } = await status();
        this.set(oldestPending ? Math.max(0, (sources.now().getTime() - Date.parse(oldestPending)) / 1000) : 0);
      },
    });
  }

  /** Remembers the lanes as they are, so what happened before (or before a restart) is not counted again. */
  baseline(snapshots: LaneSnapshot[]): void {
    for (const s of snapshots) this.seen.set(s.laneId, seenOf(s));
  }

  /** Counts what changed on a lane since its last snapshot: payment outcomes, sales, interventions. */
  laneChanged(s: LaneSnapshot): void {
    const lane = s.laneId;
    const before = this.seen.get(lane);
    const now = seenOf(s);
    this.seen.set(lane, now);
    if (!before) return;
    const p = s.payment;
    if (p && now.payment !== before.payment) {
      if (FINAL_PAYMENTS.has(p.state)) this.payments.inc({ lane, outcome: p.state });
      // Checking and offline take turns while the hub asks; the payment counts as unknown once.
      else if (UNKNOWN_PAYMENTS.has(p.state) && !(before.paymentState && UNKNOWN_PAYMENTS.has(before.paymentState))) this.payments.inc({ lane, outcome: 'unknown' });
      if (p.state === 'approved') {
        this.sales.inc({ lane });
        this.salesAmount.inc({ lane, currency: s.totals.currency }, p.amount);
      }
    }
    for (const [id, reason] of now.interventions) if (!before.interventions.has(id)) this.opened.inc({ lane, reason });
    const outcome = s.visitId !== null && s.visitId === before.visitId ? 'resolved' : 'expired';
    for (const [id, reason] of before.interventions) if (!now.interventions.has(id)) this.resolved.inc({ lane, reason, outcome });
  }

  /** Counts a device's answered event; only scans are counted today. */
  answered(event: string, laneId: string | null, answer: Ack<unknown>): void {
    if (event !== 'lane:scan' || !laneId) return;
    this.scans.inc({ lane: laneId, outcome: answer.ok ? 'ok' : answer.error.code });
  }

  /** The Prometheus text exposition of every metric. */
  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

function seenOf(s: LaneSnapshot): Seen {
  const p = s.payment;
  return {
    visitId: s.visitId,
    // saleId:failures:state — a retry after a decline is a new outcome for the same sale.
    payment: p ? `${p.saleId}:${p.failures}:${p.state}` : null,
    paymentState: p?.state ?? null,
    interventions: new Map(s.interventions.map((i) => [i.id, i.reason])),
  };
}
