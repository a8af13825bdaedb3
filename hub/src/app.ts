/** createHub(deps): wires storage, services and transports into one hub that tests start on port 0. */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { Server } from 'socket.io';
import { ageRules } from '@selfserve/shared';
import type { Config } from './config.js';
import { systemClock, type Clock } from './clock.js';
import { createLogger, type Logger } from './log.js';
import type { Database } from './storage/db.js';
import { CatalogRepository } from './storage/catalog.repository.js';
import { DevicesRepository } from './storage/devices.repository.js';
import { CatalogService } from './services/catalog/catalog.service.js';
import { ConfiguredDevices, type DeviceIssuer } from './services/devices.service.js';
import { LanesService } from './services/lanes/lanes.service.js';
import type { PaymentTerminal } from './devices/payment/terminal.js';
import { PaymentsService } from './services/payments/payments.service.js';
import { PrintingService } from './services/printing/printing.service.js';
import type { ReceiptPrinter } from './devices/printer/index.js';
import type { Scale } from './devices/scale/index.js';
import { receiptBuilder } from './services/printing/receipt.js';
import { attachRealtime, type HubServer } from './transport/realtime/index.js';
import { healthRoutes } from './transport/http/health.routes.js';
import { adminRoutes } from './transport/http/admin.routes.js';
import { staticRoutes, type Surface } from './transport/http/static.routes.js';

export interface HubDeps {
  config: Config;
  db: Database;
  clock?: Clock;
  log?: Logger;
  /** Folder holding kiosk/dist and display/dist; defaults to the repository root. */
  staticRoot?: string;
  /** Demo mode lists device links with their tokens on the start page. */
  demo?: boolean;
  /** Who vouches for device tokens; defaults to the tokens of the configuration. */
  devices?: DeviceIssuer;
  /** Each lane's payment terminal, if it has one. */
  terminals?: (laneId: string) => PaymentTerminal | null;
  /** Each lane's receipt printer, if it has one. */
  printers?: (laneId: string) => ReceiptPrinter | null;
  /** Each lane's scale, if it has one. */
  scales?: (laneId: string) => Scale | null;
  /** More HTTP routes, e.g. the demo store's receipts page. */
  routes?: Router[];
}

export interface Hub {
  http: HttpServer;
  io: HubServer;
  catalog: CatalogService;
  lanes: LanesService;
  printing: PrintingService;
  /** Loads the catalog, registers lanes and devices, listens; resolves with the base URL. */
  start(): Promise<{ url: string; port: number }>;
  stop(): Promise<void>;
  surfaces(): Surface[];
}

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const isOwnOrigin = (origin: string, host: string | undefined) => host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);

export function createHub(deps: HubDeps): Hub {
  const { config, db } = deps;
  const clock = deps.clock ?? systemClock;
  const log = deps.log ?? createLogger(config.log.level);
  const startedAt = clock.now();

  const catalog = new CatalogService(new CatalogRepository(db), clock, config.barcodes.ownPrefixes);
  const devices = new ConfiguredDevices(new DevicesRepository(db), clock);
  const rules = ageRules(config.store.country, config.store.agePolicy);
  const lanes = new LanesService({
    db,
    catalog,
    clock,
    limits: config.limits,
    parseOptions: { country: config.store.country, ownPrefixes: config.barcodes.ownPrefixes },
    snapshotContext: () => ({ promotions: catalog.promotions, currency: catalog.currency, ageRules: rules }),
    storeId: config.store.id,
    hasTerminal: (laneId) => deps.terminals?.(laneId) != null,
    thankYouMs: config.checkout.thankYouSeconds * 1000,
    scales: (laneId) => deps.scales?.(laneId) ?? null,
    receipt: receiptBuilder(config, (laneId) => deps.printers?.(laneId) != null),
    onReceiptError: (saleId, err) => log.error({ err, saleId }, 'receipt could not be built; the sale stands'),
  });

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
  });

  const app = express();
  app.disable('x-powered-by');
  const http = createServer(app);
  const io: HubServer = new Server(http, {
    maxHttpBufferSize: config.limits.maxMessageBytes,
    serveClient: false,
    // A browser page may connect only from the hub's own origin or an allowed one (DNS rebinding, other
    // sites in a kiosk browser). Clients that send no Origin (device drivers, tests) pass; the token decides.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      const ok = !origin || isOwnOrigin(origin, req.headers.host) || config.http.allowedOrigins.includes(origin);
      if (!ok) log.warn({ origin }, 'socket refused: origin not allowed');
      callback(ok ? null : 'origin not allowed', ok);
    },
    // No connectionStateRecovery: it would keep every broadcast snapshot for replay, yet a device gets
    // the whole current snapshot on every (re)connect anyway.
  });
  let baseUrl = '';
  let pruneTimer: NodeJS.Timeout | undefined;

  const surfaces = (): Surface[] => {
    const link = (path: string, token: string) => (deps.demo ? `${baseUrl}${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}` : `${baseUrl}${path}`);
    return config.devices.flatMap((d) => {
      const name = d.name ?? d.id;
      if (d.kind === 'kiosk') return [{ title: `${name}: self-checkout kiosk`, url: link('/kiosk/', d.token) }];
      if (d.kind === 'display') return [{ title: `${name}: customer display`, url: link('/display/?mode=lane', d.token) }];
      return [{ title: `${name}: attendant station`, url: link('/display/?mode=staff', d.token) }];
    });
  };

  app.use(healthRoutes({ db, catalog, startedAt, connectedDevices: () => [...io.sockets.sockets.values()].map((s) => s.data.device) }));
  app.use(adminRoutes({ token: config.admin.token, catalog, lanes }));
  app.use(staticRoutes(deps.staticRoot ?? REPO_ROOT, surfaces));
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

  attachRealtime(io, {
    devices: deps.devices ?? devices,
    lanes,
    catalog,
    now: () => clock.now(),
    log,
    limits: config.limits,
    checkout: { idleSeconds: config.checkout.idleSeconds, stillThereSeconds: config.checkout.stillThereSeconds },
    store: () => ({ id: config.store.id, name: config.store.name, currency: catalog.currency, locale: config.store.locale, languages: config.store.languages }),
  });

  return {
    http,
    io,
    catalog,
    lanes,
    printing,
    surfaces,
    async start() {
      await catalog.load();
      await lanes.ensureLanes(config.lanes);
      await devices.register(config.devices);
      await lanes.pruneAcks();
      await payments.recover();
      await printing.start();
      pruneTimer = setInterval(() => void lanes.pruneAcks().catch((err: unknown) => log.error({ err }, 'pruning answers failed')), 3_600_000);
      pruneTimer.unref();
      await new Promise<void>((resolve, reject) => {
        http.once('error', reject);
        http.listen(config.http.port, config.http.host, () => resolve());
      });
      const { port } = http.address() as AddressInfo;
      const host = config.http.host.includes(':') ? `[${config.http.host}]` : config.http.host;
      baseUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
      log.info({ url: baseUrl }, 'hub listening');
      return { url: baseUrl, port };
    },
    async stop() {
      clearInterval(pruneTimer);
      payments.stop();
      printing.stop();
      lanes.stop();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      http.closeAllConnections();
    },
  };
}
