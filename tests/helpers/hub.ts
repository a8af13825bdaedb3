/** Starts the real hub on port 0 with a temporary database, and connects real Socket.IO clients to it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMenuFile } from '../../hub/src/services/orders/menu-file.js';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServer, ServerToClient, LaneSnapshot, CatalogInput } from '@selfserve/shared';
import { createHub, type Hub } from '../../hub/src/app.js';
import { parseConfig, type ConfigInput } from '../../hub/src/config.js';
import { pino } from 'pino';
import { createLogger } from '../../hub/src/log.js';
import { Database } from '../../hub/src/storage/db.js';
import { testCatalog } from './catalog.js';
import { terminalsFromConfig } from '../../hub/src/devices/terminals.js';
import { printersFromConfig } from '../../hub/src/devices/printers.js';
import { startPrinterSimulator, type PrinterSimulator } from '../../hub/src/devices/printer/index.js';
import { scalesFromConfig } from '../../hub/src/devices/scales.js';
import { startScaleSimulator, type ScaleSimulator } from '../../hub/src/devices/scale/index.js';
import { DEMO_POI_ID, DEMO_TERMINAL_KEY, startTerminalSimulator, type TerminalSimulator } from '../../hub/src/devices/payment/simulator/index.js';

export type Client = Socket<ServerToClient, ClientToServer>;

export const TOKENS = {
  kiosk1: 'test-lane-1-kiosk-token',
  cfd1: 'test-lane-1-cfd-token',
  kiosk2: 'test-lane-2-kiosk-token',
  station: 'test-attendant-station-token',
  /** With `restaurant: true`: the ordering kiosk of lane order-1, the kitchen display and the order board. */
  orderKiosk: 'test-order-1-kiosk-token',
  orderCfd: 'test-order-1-cfd-token-xx',
  kitchen: 'test-kitchen-display-token',
  board: 'test-order-board-token-xx',
} as const;

/** The demo burger menu and its pictures, which the restaurant tests order from. */
export const DEMO_MENU_FILE = fileURLToPath(new URL('../../hub/demo/burger-menu.json', import.meta.url));
export const DEMO_MENU_IMAGES = fileURLToPath(new URL('../../hub/demo/menu-images', import.meta.url));

export interface TestHub {
  hub: Hub;
  /** The grill's kitchen ticket printer, when started with `kitchenPrinter: true`. */
  kitchenPrinter: PrinterSimulator | null;
  /** The back office's printer, when started with `backOfficePrinter: true`. */
  officePrinter: PrinterSimulator | null;
  /** Lane 1's terminal simulator, when started with `terminal: true`. */
  terminal: TerminalSimulator | null;
  /** Lane 1's printer simulator, when started with `printer: true`. */
  printer: PrinterSimulator | null;
  /** Lane 1's scale simulator, when started with `scale: true`. */
  scale: ScaleSimulator | null;
  db: Database;
  url: string;
  dir: string;
  /** The hub's log file (pino NDJSON, every level), when started with `logFile: true`. */
  logFile: string | null;
  client(token: string): Promise<Client>;
  close(): Promise<void>;
}

export function testConfig(dir: string, over: Partial<ConfigInput> = {}) {
  return parseConfig({
    http: { host: '127.0.0.1', port: 0 },
    database: { file: join(dir, 'hub.sqlite') },
    admin: { token: 'test-admin-token-0123456789' },
    lanes: [{ id: 'lane-1', name: 'Lane 1' }, { id: 'lane-2', name: 'Lane 2' }],
    devices: [
      { id: 'k1', kind: 'kiosk', laneId: 'lane-1', token: TOKENS.kiosk1 },
      { id: 'd1', kind: 'display', laneId: 'lane-1', token: TOKENS.cfd1 },
      { id: 'k2', kind: 'kiosk', laneId: 'lane-2', token: TOKENS.kiosk2 },
      { id: 's1', kind: 'staff', token: TOKENS.station },
    ],
    log: { level: 'silent' },
    ...over,
  });
}

/** The restaurant part of a test store: its lanes, devices and kitchen printer. */
function restaurantConfig(base: ReturnType<typeof testConfig>, kitchenPrinter: PrinterSimulator | null): Partial<ConfigInput> {
  return {
    lanes: [
      { id: 'order-1', name: 'Bestilling 1', mode: 'order' },
      { id: 'counter-1', name: 'Disken', mode: 'counter' },
    ],
    devices: [
      ...base.devices,
      { id: 'ok1', kind: 'kiosk', laneId: 'order-1', token: TOKENS.orderKiosk },
      { id: 'od1', kind: 'display', laneId: 'order-1', token: TOKENS.orderCfd },
      { id: 'kd1', kind: 'kitchen', token: TOKENS.kitchen },
      { id: 'bd1', kind: 'board', token: TOKENS.board },
    ],
    restaurant: {
      imagesDir: DEMO_MENU_IMAGES,
      ...(kitchenPrinter ? { kitchen: { printers: { grill: { host: '127.0.0.1', port: kitchenPrinter.port, timeoutMs: 1000, width: 48 } } } } : {}),
    },
  };
}

export interface TestHubOptions {
  catalog?: CatalogInput;
  config?: Partial<ConfigInput>;
  /** Start an encrypted terminal simulator for lane 1; the driver times out after `terminalTimeoutMs`. */
  terminal?: boolean;
  terminalTimeoutMs?: number;
  /** Start a printer simulator for lane 1. */
  printer?: boolean;
  /** Start a scale simulator for lane 1. */
  scale?: boolean;
  /** Run as the demo store does (screens on loopback pair themselves). */
  demo?: boolean;
  /** Write the hub's log, every level, to `hub.log` in the test's temp dir (default: no log). */
  logFile?: boolean;
  /** How often the WAL is checkpointed into the database file (default: the hub's, 1 s). */
  checkpointMs?: number;
  /**
   * A burger bar too: the demo menu, an ordering kiosk lane `order-1` and a counter lane `counter-1`
   * (sharing lane 1's terminal and printer simulators when those are started), a kitchen display and a board.
   */
  restaurant?: boolean;
  /** With `restaurant`: a printer simulator for the grill station's kitchen tickets. */
  kitchenPrinter?: boolean;
  /** A printer simulator in the back office (refund slips made at the station, X and Z reports). */
  backOfficePrinter?: boolean;
}

export async function startTestHub(options: TestHubOptions = {}): Promise<TestHub> {
  const dir = mkdtempSync(join(tmpdir(), 'selfserve-test-'));
  const terminal = options.terminal ? await startTerminalSimulator({ ...DEMO_TERMINAL_KEY, poiId: DEMO_POI_ID }) : null;
  const printer = options.printer ? await startPrinterSimulator({ host: '127.0.0.1', port: 0 }) : null;
  const scale = options.scale ? await startScaleSimulator({ host: '127.0.0.1', port: 0 }) : null;
  const kitchenPrinter = options.restaurant && options.kitchenPrinter ? await startPrinterSimulator({ host: '127.0.0.1', port: 0 }) : null;
  const officePrinter = options.backOfficePrinter ? await startPrinterSimulator({ host: '127.0.0.1', port: 0 }) : null;
  const base = testConfig(dir, options.config);
  const parts: Partial<ConfigInput> = options.restaurant ? restaurantConfig(base, kitchenPrinter) : {};
  // The test's own restaurant settings (e.g. readySeconds) go on top of the restaurant's defaults.
  const restaurant: Partial<ConfigInput> = options.restaurant ? { ...parts, restaurant: { ...parts.restaurant, ...options.config?.restaurant } } : {};
  const lanes = [...base.lanes, ...((restaurant.lanes as typeof base.lanes | undefined) ?? [])].map((l) =>
    l.id !== 'lane-1' && !(options.restaurant && (l.id === 'order-1' || l.id === 'counter-1'))
      ? l
      : {
          ...l,
          ...(terminal ? { terminal: { kind: 'adyen' as const, endpoint: terminal.url, poiId: terminal.poiId, ...DEMO_TERMINAL_KEY, caCertPath: terminal.caCertPath, timeoutMs: options.terminalTimeoutMs ?? 5000 } } : {}),
          ...(printer ? { printer: { host: '127.0.0.1', port: printer.port, timeoutMs: 1000, width: 48 } } : {}),
          ...(scale ? { scale: { host: '127.0.0.1', port: scale.port, timeoutMs: 1000, stableWithinMs: 500 } } : {}),
        },
  );
  const backOffice = officePrinter ? { backOffice: { printer: { host: '127.0.0.1', port: officePrinter.port, timeoutMs: 1000, width: 48 } } } : {};
  const config = testConfig(dir, { ...options.config, ...restaurant, ...backOffice, lanes });
  const terminals = terminalsFromConfig(config);
  const printers = printersFromConfig(config);
  const scales = scalesFromConfig(config);
  const db = await Database.open(config.database.file, options.checkpointMs === undefined ? {} : { checkpointMs: options.checkpointMs });
  const logFile = options.logFile ? join(dir, 'hub.log') : null;
  const hub = createHub({
    config,
    db,
    log: logFile ? pino({ level: 'trace', base: { service: 'hub' } }, pino.destination({ dest: logFile, sync: true })) : createLogger('silent'),
    demo: options.demo ?? false,
    terminals: (laneId) => terminals.get(laneId) ?? null,
    printers: (laneId) => printers.get(laneId) ?? null,
    scales: (laneId) => scales.get(laneId) ?? null,
    menu: options.restaurant ? readMenuFile(DEMO_MENU_FILE) : null,
  });
  const imported = await hub.catalog.import(JSON.stringify(options.catalog ?? testCatalog()), 'json');
  if (!imported.ok) throw new Error(`test catalog rejected: ${JSON.stringify(imported.issues)}`);
  const { url } = await hub.start();
  const clients: Client[] = [];
  return {
    hub,
    kitchenPrinter,
    officePrinter,
    terminal,
    printer,
    scale,
    db,
    url,
    dir,
    logFile,
    async client(token) {
      const socket: Client = connect(url, { auth: { token }, transports: ['websocket'], reconnection: false });
      clients.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      return socket;
    },
    async close() {
      for (const c of clients) c.disconnect();
      await hub.stop();
      await db.close();
      await terminal?.close();
      await printer?.close();
      await kitchenPrinter?.close();
      await officePrinter?.close();
      await scale?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves with the next snapshot the client receives that satisfies `predicate`. */
export function nextSnapshot(client: Client, predicate: (s: LaneSnapshot) => boolean = () => true, timeoutMs = 5000): Promise<LaneSnapshot> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no matching snapshot')), timeoutMs);
    const on = (s: LaneSnapshot) => {
      if (!predicate(s)) return;
      clearTimeout(timer);
      client.off('lane:snapshot', on);
      resolve(s);
    };
    client.on('lane:snapshot', on);
  });
}
