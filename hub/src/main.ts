#!/usr/bin/env node
/** The hub's command line: reads config, opens the database, imports a catalog if asked, starts, prints URLs. */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createHub } from './app.js';
import { ConfigError, configFromEnv, merge, parseConfig, readConfigFile } from './config.js';
import { createLogger } from './log.js';
import { Database } from './storage/db.js';
import { backupBeforeUpgrade, defaultBackupDir, startBackups } from './storage/backup.js';
import { terminalsFromConfig } from './devices/terminals.js';
import { printersFromConfig } from './devices/printers.js';
import { scalesFromConfig } from './devices/scales.js';
import { startDemoDevices } from './devices/demo.js';
import { readMenuFile } from './services/orders/menu-file.js';

const DEMO_DIR = fileURLToPath(new URL('../demo/', import.meta.url));

const USAGE = `usage: selfserve-hub [--config FILE] [--port N] [--host ADDR] [--db FILE] [--catalog FILE] [--demo]
  --config FILE   JSON configuration (also SELFSERVE_CONFIG); SELFSERVE_* variables override it
  --port N        HTTP port (0 = any free port)
  --db FILE       SQLite database file
  --catalog FILE  import this catalog (.json or .csv) before starting; stops on any bad row
  --demo          the demo store: demo lanes, devices and catalog (imported when the catalog is empty)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      catalog: { type: 'string' },
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void console.log(USAGE);

  const configFile = values.config ?? process.env.SELFSERVE_CONFIG;
  let raw: Record<string, unknown> = values.demo ? readConfigFile(resolve(DEMO_DIR, 'config.json')) : {};
  if (configFile) raw = merge(raw, readConfigFile(configFile));
  raw = merge(raw, configFromEnv(process.env));
  const cli: Record<string, unknown> = {};
  if (values.port !== undefined) cli.http = { port: Number(values.port) };
  if (values.host !== undefined) cli.http = { ...(cli.http as object), host: values.host };
  if (values.db !== undefined) cli.database = { file: values.db };
  if (values.catalog !== undefined) cli.catalog = { file: values.catalog };
  const parsed = parseConfig(merge(raw, cli));
  // The demo's restaurant lanes order from the burger menu beside the demo catalog.
  if (values.demo) parsed.restaurant = { ...parsed.restaurant, menuFile: parsed.restaurant.menuFile ?? resolve(DEMO_DIR, 'burger-menu.json'), imagesDir: parsed.restaurant.imagesDir ?? resolve(DEMO_DIR, 'menu-images') };
  const menu = parsed.restaurant.menuFile ? readMenuFile(parsed.restaurant.menuFile) : null;
  // The demo store's lanes use simulators that speak the devices' real wire protocols.
  const demo = values.demo ? await startDemoDevices(parsed) : null;
  const config = demo?.config ?? parsed;
  const scales = scalesFromConfig(config);
  const terminals = terminalsFromConfig(config);
  const printers = printersFromConfig(config);

  const log = createLogger(config.log.level);
  mkdirSync(dirname(resolve(config.database.file)), { recursive: true });
  // An older database is copied before it is migrated forward: a rollback restores that copy (docs/operations.md).
  const backupDir = config.backup.dir ?? defaultBackupDir(config.database.file);
  const preUpgrade = await backupBeforeUpgrade(config.database.file, backupDir);
  if (preUpgrade) log.info({ file: preUpgrade.file, ms: preUpgrade.ms }, 'database backed up before its upgrade');
  const db = await Database.open(config.database.file);
  const hub = createHub({
    config,
    db,
    log,
    demo: values.demo,
    terminals: (laneId) => terminals.get(laneId) ?? null,
    printers: (laneId) => printers.get(laneId) ?? null,
    scales: (laneId) => scales.get(laneId) ?? null,
    routes: demo?.routes ?? [],
    menu,
  });

  const catalogFile = config.catalog.file ?? (values.demo ? resolve(DEMO_DIR, 'grocery.json') : undefined);
  await hub.catalog.load();
  if (catalogFile && (config.catalog.file || hub.catalog.counts().products === 0)) {
    const result = await hub.catalog.import(readFileSync(catalogFile, 'utf8'), extname(catalogFile) === '.csv' ? 'csv' : 'json');
    if (!result.ok) {
      const lines = result.issues.map((i) => `  ${i.line === null ? '' : `line ${i.line}: `}${i.path}: ${i.message}`);
      throw new ConfigError(`catalog ${catalogFile} was not imported:\n${lines.join('\n')}`);
    }
    log.info({ file: catalogFile, ...result.counts }, 'catalog imported');
  }

  // The demo store's staff, with PINs everyone may know: a real store creates its first manager with the staff CLI.
  const demoStaff = [
    { number: '9001', name: 'Demo Manager', role: 'manager', badge: 'M9001', pin: '2468' },
    { number: '1001', name: 'Demo Attendant', role: 'attendant', badge: 'A1001', pin: '1357' },
  ] as const;
  if (values.demo && (await hub.staff.list()).length === 0) for (const s of demoStaff) await hub.staff.create({ ...s }, { actor: null, method: 'cli' });

  const { url } = await hub.start();
  const backups = startBackups({ db, dir: backupDir, everyHours: config.backup.everyHours, keepDays: config.backup.keepDays, log });
  console.log(`\n${config.store.name} is open at ${url}\n`);
  for (const s of hub.surfaces()) console.log(`  ${s.title.padEnd(44)} ${s.url}`);
  console.log(`  ${'health'.padEnd(44)} ${url}/healthz`);
  for (const line of demo?.describe(url) ?? []) console.log(line);
  if (values.demo) for (const s of demoStaff) console.log(`  staff: ${s.name.padEnd(16)} number ${s.number}, badge ${config.barcodes.ownPrefixes.staff}${s.badge}, PIN ${s.pin}`);
  console.log('');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await hub.stop();
    await backups.stop();
    await db.close();
    await demo?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
