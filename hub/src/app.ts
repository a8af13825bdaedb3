/** createHub(deps): wires storage, services and transports into one hub that tests start on port 0. */
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { Server } from 'socket.io';
import { ageRules, type Menu } from '@selfserve/shared';
import type { Config } from './config.js';
import { systemClock, type Clock } from './clock.js';
import { createLogger, type Logger } from './log.js';
import type { Database } from './storage/db.js';
import { CatalogRepository } from './storage/catalog.repository.js';
import { DevicesRepository } from './storage/devices.repository.js';
import { CatalogService } from './services/catalog/catalog.service.js';
import { DeviceRegistry } from './services/devices.service.js';
import { InterventionsService } from './services/interventions/interventions.service.js';
import { InsightsService } from './services/insights/index.js';
import { AuditService, StaffService } from './services/staff/index.js';
import { StaffSessions } from './services/staff/sessions.js';
import { LanesService } from './services/lanes/lanes.service.js';
import type { PaymentTerminal } from './devices/payment/terminal.js';
import { PaymentsService } from './services/payments/payments.service.js';
import { PrintingService } from './services/printing/printing.service.js';
import type { ReceiptPrinter } from './devices/printer/index.js';
import type { Scale } from './devices/scale/index.js';
import { receiptBuilder } from './services/printing/receipt.js';
import { attachRealtime, type HubServer, type Realtime } from './transport/realtime/index.js';
import { pairingRoutes } from './transport/http/pairing.routes.js';
import { managerRoutes } from './transport/http/manager.routes.js';
import { originAllowed } from './transport/http/origin.js';
import { Relay } from './upstream/relay.js';
import type { Sink } from './upstream/sink.js';
import { sinkFromConfig } from './upstream/sinks/index.js';
import { pseudonymOf } from './upstream/pseudonym.js';
import { InvalidMessageError, startNatsDownstream } from './upstream/downstream-nats.js';
import { applyHeadOfficeDelta } from './services/catalog/head-office.js';
import { healthRoutes } from './transport/http/health.routes.js';
import { metricsRoutes } from './transport/http/metrics.routes.js';
import { Metrics } from './services/metrics.js';
import { adminRoutes } from './transport/http/admin.routes.js';
import { staticRoutes, type Surface } from './transport/http/static.routes.js';
import { createListeningServer } from './transport/http/server.js';
import { OrderingService, restaurantServices, type MenuService, type OrdersService } from './services/orders/index.js';
import { orderTicketBuilder } from './services/printing/tickets.js';
import { kitchenQueue } from './devices/printers.js';
import { JournalService } from './services/journal/journal.service.js';
import { depositRules } from './services/lanes/deposit-rules.js';
import { RefundsService } from './services/refunds/refunds.service.js';
import { ReportsService } from './services/reports/reports.service.js';
import { BACK_OFFICE_QUEUE } from './devices/printers.js';

export interface HubDeps {
  config: Config;
  db: Database;
  clock?: Clock;
  log?: Logger;
  /** Folder holding kiosk/dist and display/dist; defaults to the repository root. */
  staticRoot?: string;
  /** Demo mode: screens on the hub's own machine pair themselves, and the start page links every surface. */
  demo?: boolean;
  /** Each lane's payment terminal, if it has one. */
  terminals?: (laneId: string) => PaymentTerminal | null;
  /** Each lane's receipt printer, if it has one. */
  printers?: (laneId: string) => ReceiptPrinter | null;
  /** Each lane's scale, if it has one. */
  scales?: (laneId: string) => Scale | null;
  /** More HTTP routes, e.g. the demo store's receipts page. */
  routes?: Router[];
  /** Where the outbox goes; defaults to the configured sink. */
  sink?: Sink;
  /** The restaurant's menu (parsed), for ordering kiosks, the kitchen and the board. */
  menu?: Menu | null;
}

export interface Hub {
  http: HttpServer;
  io: HubServer;
  catalog: CatalogService;
  lanes: LanesService;
  printing: PrintingService;
  relay: Relay;
  staff: StaffService;
  devices: DeviceRegistry;
  menu: MenuService;
  orders: OrdersService;
  journal: JournalService;
  /** Loads the catalog, registers lanes and devices, listens; resolves with the base URL. */
  start(): Promise<{ url: string; port: number }>;
  stop(): Promise<void>;
  surfaces(): Surface[];
}

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function createHub(deps: HubDeps): Hub {
  const { config, db } = deps;
  const clock = deps.clock ?? systemClock;
  const log = deps.log ?? createLogger(config.log.level);
  const startedAt = clock.now();

  const catalog = new CatalogService(new CatalogRepository(db), clock, config.barcodes.ownPrefixes);
  let realtime: Realtime | null = null;
  const devices = new DeviceRegistry({
    db,
    repo: new DevicesRepository(db),
    clock,
    codeSeconds: config.pairing.codeSeconds,
    laneIds: () => config.lanes.map((l) => l.id),
    online: (id) => realtime?.deviceOnline(id) ?? false,
  });
  const staff = new StaffService({
    db,
    clock,
    maxFailures: config.staff.maxFailures,
    lockoutSeconds: config.staff.lockoutSeconds,
    guessDelayMs: config.staff.guessDelaySeconds * 1000,
  });
  const audit = new AuditService({ db, clock });
  const sessions = new StaffSessions(clock, {
    stationIdleMs: config.staff.idleSignOutSeconds * 1000,
    laneIdleMs: config.staff.laneMenuSeconds * 1000,
    reauthMs: config.staff.adminReauthSeconds * 1000,
  });
  const rules = ageRules(config.store.country, config.store.agePolicy);
  const journal = new JournalService(db);
  const deposits = depositRules(config.deposit);
  const restaurant = restaurantServices({ config, db, clock, menu: deps.menu ?? null, onReleased: (stations) => stations.forEach((s) => printing.kick(kitchenQueue(s))) });
  const lanes = new LanesService({
    db,
    catalog,
    clock,
    limits: config.limits,
    interventions: config.interventions,
    parseOptions: { country: config.store.country, ownPrefixes: config.barcodes.ownPrefixes },
    snapshotContext: () => ({ promotions: catalog.promotions, currency: catalog.currency, ageRules: rules, deposits, orderable: (item) => restaurant.menu.orderable(item) }),
    voucherFormat: config.deposit.voucher,
    storeId: config.store.id,
    hasTerminal: (laneId) => deps.terminals?.(laneId) != null,
    thankYouMs: config.checkout.thankYouSeconds * 1000,
    scales: (laneId) => deps.scales?.(laneId) ?? null,
    receipt: receiptBuilder(config, (laneId) => deps.printers?.(laneId) != null),
    onReceiptError: (saleId, err) => log.error({ err, saleId }, 'receipt could not be built; the sale stands'),
    memberPseudonym: (memberId) => {
      const key = config.upstream.pseudonymKey;
      return key && catalog.member(memberId)?.marketingConsent ? pseudonymOf(key, memberId) : null;
    },
    onEvents: () => relay.wake(),
    onJournal: () => void journal.seal().catch((err: unknown) => log.error({ err }, 'sealing the journal failed')),
    ordering: restaurant.hooks,
  });
  const ordering = new OrderingService({
    db,
    lanes,
    menu: restaurant.menu,
    orders: restaurant.orders,
    modes: restaurant.modes,
    maxLines: config.limits.maxLines,
    ticket: orderTicketBuilder(config, (laneId) => deps.printers?.(laneId) != null),
  });
  // A sold-out change or a menu closing shows at once on the lines already in ordering kiosks' baskets.
  restaurant.menu.onChange(() => {
    for (const l of config.lanes) if (l.mode === 'order') void lanes.change(l.id, () => undefined).catch((err: unknown) => log.error({ err, laneId: l.id }, 're-pricing an order failed'));
  });

  const relay = new Relay({
    db,
    sink: deps.sink ?? sinkFromConfig(config, log),
    clock,
    log,
    batchSize: config.upstream.batchSize,
    retryMaxMs: config.upstream.retryMaxSeconds * 1000,
    keepDays: config.upstream.keepDays,
  });

  const hasPrinter = (queue: string) => deps.printers?.(queue) != null;
  const refunds = new RefundsService({
    db,
    clock,
    config,
    catalog,
    deposits,
    terminals: (laneId) => deps.terminals?.(laneId) ?? null,
    slipQueue: (laneId) => (laneId ? (hasPrinter(laneId) ? laneId : null) : hasPrinter(BACK_OFFICE_QUEUE) ? BACK_OFFICE_QUEUE : null),
    committed: (queue) => {
      relay.wake();
      void journal.seal().catch((err: unknown) => log.error({ err }, 'sealing the journal failed'));
      if (queue) printing.kick(queue);
    },
  });
  const reports = new ReportsService({
    db,
    clock,
    journal,
    timeZone: config.store.timeZone,
    storeId: config.store.id,
    laneIds: () => config.lanes.map((l) => l.id),
    terminals: (laneId) => deps.terminals?.(laneId) ?? null,
    printQueue: hasPrinter(BACK_OFFICE_QUEUE) ? BACK_OFFICE_QUEUE : null,
    printed: (queue) => printing.kick(queue),
    width: config.backOffice.printer?.width ?? 48,
  });

  const interventions = new InterventionsService({ db, lanes, clock, timeZone: config.store.timeZone, remote: config.interventions.remote });

  const payments = new PaymentsService({
    db,
    lanes,
    terminals: (laneId) => deps.terminals?.(laneId) ?? null,
    log,
    retryMs: config.checkout.statusRetryMs,
  });

  const printing = new PrintingService({
    db,
    lanes,
    printers: (laneId) => deps.printers?.(laneId) ?? null,
    clock,
    log,
    retryMs: config.checkout.printRetryMs,
    isLane: (queue) => config.lanes.some((l) => l.id === queue),
  });

  const laneSnapshots = () => Promise.all(config.lanes.map((l) => lanes.snapshot(l.id)));
  const metrics = new Metrics({
    lanes: laneSnapshots,
    connectedDevices: () => [...io.sockets.sockets.values()].map((s) => s.data.device),
    upstream: () => relay.status(),
    now: () => clock.now(),
  });
  lanes.onChange((snapshot) => metrics.laneChanged(snapshot));

  const app = express();
  app.disable('x-powered-by');
  const { server: http, scheme } = createListeningServer(app, config.http.tls);
  const io: HubServer = new Server(http, {
    maxHttpBufferSize: config.limits.maxMessageBytes,
    serveClient: false,
    // Sent to each client in the handshake, so the devices time out a silent hub with the same figures.
    pingInterval: config.realtime.pingIntervalSeconds * 1000,
    pingTimeout: config.realtime.pingTimeoutSeconds * 1000,
    // A browser page may connect only from the hub's own origin or an allowed one (DNS rebinding, other
    // sites in a kiosk browser). Clients that send no Origin (device drivers, tests) pass; the token decides.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      const ok = originAllowed(origin, req.headers.host, config.http.allowedOrigins);
      if (!ok) log.warn({ origin }, 'socket refused: origin not allowed');
      callback(ok ? null : 'unauthorized: a page from this origin may not connect (http.allowedOrigins)', ok);
    },
    // No connectionStateRecovery: it would keep every broadcast snapshot for replay, yet a device gets
    // the whole current snapshot on every (re)connect anyway.
  });
  let baseUrl = '';
  let pruneTimer: NodeJS.Timeout | undefined;
  let downstream: { stop(): Promise<void> } | undefined;

  /** Every surface of the store; in demo mode screens pair themselves, so the links need no token. */
  const surfaces = (): Surface[] => [
    ...config.lanes.flatMap((l) => {
      const lane = encodeURIComponent(l.id);
      if (l.mode === 'counter') return [{ title: `${l.name}: counter (staff)`, url: `${baseUrl}/display/?mode=counter&lane=${lane}` }];
      return [
        { title: `${l.name}: ${l.mode === 'order' ? 'ordering kiosk' : 'self-checkout kiosk'}`, url: `${baseUrl}/kiosk/?lane=${lane}` },
        { title: `${l.name}: customer display`, url: `${baseUrl}/display/?mode=lane&lane=${lane}` },
      ];
    }),
    ...(restaurant.menu.menu
      ? [
          { title: 'Kitchen display (all stations)', url: `${baseUrl}/display/?mode=kitchen` },
          { title: 'Order-status board', url: `${baseUrl}/display/?mode=board` },
        ]
      : []),
    { title: 'Attendant station', url: `${baseUrl}/display/?mode=staff` },
  ];

  app.use(healthRoutes({ db, catalog, startedAt, connectedDevices: () => [...io.sockets.sockets.values()].map((s) => s.data.device), upstream: () => relay.status() }));
  app.use(metricsRoutes({ token: config.metrics.token, text: () => metrics.text(), log }));
  const pseudonym = (memberId: string) => (config.upstream.pseudonymKey ? pseudonymOf(config.upstream.pseudonymKey, memberId) : null);
  app.use(adminRoutes({ token: config.admin.token, catalog, lanes, pseudonym }));
  app.use(pairingRoutes({ devices, demo: deps.demo === true, allowedOrigins: config.http.allowedOrigins, attemptsPerMinute: config.pairing.attemptsPerMinute, now: () => clock.now().getTime() }));
  const insights = new InsightsService({ db, clock, timeZone: config.store.timeZone, currency: () => catalog.currency });
  app.use(managerRoutes({ devices, staff, audit, sessions, allowedOrigins: config.http.allowedOrigins, disconnectDevice: (id) => realtime?.disconnectDevice(id), insights, upstream: () => relay.status(), journal, timeZone: config.store.timeZone }));
  app.use(staticRoutes(deps.staticRoot ?? REPO_ROOT, surfaces));
  if (config.restaurant.imagesDir) app.use('/menu-images', express.static(config.restaurant.imagesDir, { fallthrough: true, index: false, maxAge: '1h' }));
  for (const r of deps.routes ?? []) app.use(r);
  app.use((_req: Request, res: Response) => {
    res.status(404).json({ ok: false, error: { code: 'not-found', message: 'no such page or route' } });
  });
  // Express calls a four-argument middleware with the error; a client never sees a stack trace.
  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    if (err.status && err.status < 500) {
      res.status(err.status).json({ ok: false, error: { code: 'bad-payload', message: err.type === 'entity.too.large' ? 'the body is too large' : 'the request could not be read' } });
      return;
    }
    log.error({ err }, 'http request failed');
    res.status(500).json({ ok: false, error: { code: 'internal', message: 'the hub could not do this; staff can see why in its log' } });
  });

  realtime = attachRealtime(io, {
    devices,
    lanes,
    catalog,
    now: () => clock.now(),
    log,
    limits: config.limits,
    checkout: { idleSeconds: config.checkout.idleSeconds, stillThereSeconds: config.checkout.stillThereSeconds },
    store: () => ({ id: config.store.id, name: config.store.name, currency: catalog.currency, locale: config.store.locale, languages: config.store.languages }),
    staffHello: (device) => ({ badgePrefix: config.barcodes.ownPrefixes.staff, badgeOnly: device.kind === 'kiosk' && config.staff.badgeOnlyAtLane, idleSeconds: sessions.idleSeconds(device.kind) }),
    sessions,
    laneMode: (laneId) => restaurant.modes.get(laneId) ?? 'checkout',
    orders: { menu: restaurant.menu, orders: restaurant.orders, ordering },
    storeDay: { refunds, reports },
    answered: (event, device, answer) => metrics.answered(event, device.laneId, answer),
    staff: {
      staff,
      interventions,
      laneList: () => config.lanes.map((l) => ({ id: l.id, name: l.name, mode: l.mode })),
      remote: config.interventions.remote,
      parseOptions: { country: config.store.country, ownPrefixes: config.barcodes.ownPrefixes },
      badgeOnlyAtLane: config.staff.badgeOnlyAtLane,
    },
  });

  return {
    http,
    io,
    catalog,
    lanes,
    printing,
    relay,
    staff,
    devices,
    menu: restaurant.menu,
    orders: restaurant.orders,
    journal,
    surfaces,
    async start() {
      await catalog.load();
      await lanes.ensureLanes(config.lanes);
      metrics.baseline(await laneSnapshots());
      await devices.register(config.devices);
      await lanes.pruneAcks();
      await journal.seal();
      await refunds.start();
      // Orders first: a payment resolved after a restart may release its order to the kitchen.
      await restaurant.menu.start();
      await restaurant.orders.start();
      await payments.recover();
      await printing.start();
      sessions.start();
      relay.start();
      const fromHeadOffice = config.upstream.downstream;
      if (fromHeadOffice) {
        const { kind: _kind, ...options } = fromHeadOffice;
        // An older version is already superseded and the same one already applied: both are done, so acked.
        downstream = await startNatsDownstream({ ...options, storeId: config.store.id, name: `selfserve-hub ${config.store.id} downstream` }, async (message) => {
          const result = await applyHeadOfficeDelta(message, { catalog, lanes, pseudonym });
          if (!result.ok && !result.stale) throw new InvalidMessageError(result.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
        }, log);
      }
      pruneTimer = setInterval(() => void lanes.pruneAcks().catch((err: unknown) => log.error({ err }, 'pruning answers failed')), 3_600_000);
      pruneTimer.unref();
      await new Promise<void>((resolve, reject) => {
        http.once('error', reject);
        http.listen(config.http.port, config.http.host, () => resolve());
      });
      const { port } = http.address() as AddressInfo;
      const host = config.http.host.includes(':') ? `[${config.http.host}]` : config.http.host;
      baseUrl = `${scheme}://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
      log.info({ url: baseUrl }, 'hub listening');
      return { url: baseUrl, port };
    },
    async stop() {
      clearInterval(pruneTimer);
      sessions.stop();
      payments.stop();
      printing.stop();
      lanes.stop();
      restaurant.menu.stop();
      restaurant.orders.stop();
      await downstream?.stop();
      await relay.stop();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      http.closeAllConnections();
    },
  };
}
