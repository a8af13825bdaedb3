/** Online backups of the hub's SQLite database (the SQLite backup API), their schedule and retention, and restore. */
import { copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, closeSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import sqlite3 from 'sqlite3';
import type { Logger } from 'pino';
import type { Database } from './db.js';
import { LATEST_SCHEMA } from './migrations.js';

/** sqlite3's Backup object (lib/sqlite3.js, src/backup.cc); the package's .d.ts leaves it out. */
interface SqliteBackup {
  step(pages: number, callback: (err: Error | null, done?: boolean) => void): void;
  finish(callback: (err: Error | null) => void): void;
  readonly remaining: number;
  readonly pageCount: number;
  readonly failed: boolean;
}
type WithBackup = sqlite3.Database & { backup(file: string, callback: (err: Error | null) => void): SqliteBackup };

export interface BackupProgress {
  remaining: number;
  pageCount: number;
}

export interface BackupOptions {
  /** Pages copied per step; between steps the hub's writes go on (and reach the copy). */
  pagesPerStep?: number;
  /** Called after each step, before the next one is queued. */
  onStep?: (progress: BackupProgress) => void | Promise<void>;
}

export interface BackupResult {
  file: string;
  pages: number;
  steps: number;
  ms: number;
}

/**
 * Copies the database into `target` with SQLite's online backup, a few pages at a time. From the
 * hub's own connection each step waits for its turn between transactions, and what the hub writes
 * meanwhile is carried into the copy. The copy goes to a temporary name, must pass integrity_check,
 * and only then is renamed to `target`, so a file with the target's name is always whole.
 */
export async function backupDatabase(source: Database | string, target: string, { pagesPerStep = 256, onStep }: BackupOptions = {}): Promise<BackupResult> {
  const started = Date.now();
  mkdirSync(dirname(resolve(target)), { recursive: true });
  const partial = `${target}.partial`;
  removeDatabaseFiles(partial);
  const raw = typeof source === 'string' ? await openExisting(source) : null;
  const inTurn = <T>(fn: (conn: sqlite3.Database) => Promise<T>): Promise<T> => (raw ? fn(raw) : (source as Database).inTurn(fn));
  let steps = 0;
  let pages = 0;
  try {
    const backup = await inTurn(
      (conn) =>
        new Promise<SqliteBackup>((ok, fail) => {
          const b = (conn as WithBackup).backup(partial, (err) => (err ? fail(err) : ok(b)));
        }),
    );
    try {
      for (let done = false; !done; ) {
        done = await inTurn(() => step(backup, pagesPerStep));
        steps++;
        pages = backup.pageCount;
        if (!done) await onStep?.({ remaining: backup.remaining, pageCount: backup.pageCount });
      }
    } finally {
      await new Promise<void>((ok) => backup.finish(() => ok()));
    }
  } catch (err) {
    removeDatabaseFiles(partial);
    throw err;
  } finally {
    if (raw) await closeRaw(raw);
  }
  const problems = await integrityProblems(partial);
  if (problems.length > 0) {
    removeDatabaseFiles(partial);
    throw new Error(`the backup failed its integrity check: ${problems.slice(0, 5).join('; ')}`);
  }
  syncFile(partial);
  renameSync(partial, target);
  return { file: target, pages, steps, ms: Date.now() - started };
}

/** One backup step; busy or locked (another connection writing) is retried after a short pause. */
async function step(backup: SqliteBackup, pages: number): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await new Promise<boolean>((ok, fail) => backup.step(pages, (err, done) => (err ? fail(err) : ok(done === true))));
    } catch (err) {
      if (backup.failed || attempt >= 50) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

/** What `PRAGMA integrity_check` finds wrong with a database file; empty when it is sound. */
export async function integrityProblems(file: string): Promise<string[]> {
  if (!existsSync(file)) return [`${file} does not exist`];
  let conn: sqlite3.Database;
  try {
    conn = await openRaw(file, sqlite3.OPEN_READWRITE);
  } catch (err) {
    return [(err as Error).message];
  }
  try {
    const rows = await all<{ integrity_check: string }>(conn, 'PRAGMA integrity_check');
    return rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
  } catch (err) {
    return [(err as Error).message];
  } finally {
    await closeRaw(conn);
  }
}

/** The schema version recorded in a database file (0 for a new one). */
export async function schemaVersionOf(file: string): Promise<number> {
  const conn = await openExisting(file);
  try {
    return (await all<{ user_version: number }>(conn, 'PRAGMA user_version'))[0]?.user_version ?? 0;
  } finally {
    await closeRaw(conn);
  }
}

/** Where backups go when the config names no directory: backups/ beside the database. */
export const defaultBackupDir = (dbFile: string): string => join(dirname(resolve(dbFile)), 'backups');

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** YYYYMMDD-HHMMSS in local time, as the store's staff read it. */
export const timestamp = (at: Date): string =>
  `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;

/** A scheduled backup's name: hub-YYYYMMDD-HHMMSS.sqlite. */
export const backupFileName = (at: Date): string => `hub-${timestamp(at)}.sqlite`;

const SCHEDULED = /^hub-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.sqlite$/;

/** The scheduled backups in `dir` with the time in their names, newest first. Pre-upgrade backups are not among them. */
export function listBackups(dir: string): Array<{ file: string; at: Date }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const m = SCHEDULED.exec(name);
      if (!m) return [];
      const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
      return [{ file: join(dir, name), at: new Date(y, mo - 1, d, h, mi, s) }];
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}

/** Deletes the scheduled backups older than keepDays, never the newest one; returns the files deleted. */
export function pruneBackups(dir: string, keepDays: number, now: Date = new Date()): string[] {
  const cutoff = now.getTime() - keepDays * 86_400_000;
  const old = listBackups(dir).slice(1).filter((b) => b.at.getTime() < cutoff);
  for (const b of old) rmSync(b.file, { force: true });
  return old.map((b) => b.file);
}

export interface BackupSchedule {
  /** Takes a backup now and prunes old ones (what the timer does). */
  runNow(): Promise<BackupResult | null>;
  /** Stops the timer and waits for a backup in progress. */
  stop(): Promise<void>;
}

/**
 * Backs the database up every `everyHours` while the hub runs, into `dir`, and deletes backups older
 * than `keepDays`. The first one is due `everyHours` after the newest backup already there (at once
 * when there is none), so a hub restarted every night still takes its backups. The timer is unref'd.
 */
export function startBackups({ db, dir, everyHours, keepDays, log, now = () => new Date() }: { db: Database; dir: string; everyHours: number; keepDays: number; log: Logger; now?: () => Date }): BackupSchedule {
  const everyMs = everyHours * 3_600_000;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<BackupResult | null> = Promise.resolve(null);

  const runNow = (): Promise<BackupResult | null> => {
    running = running.then(async () => {
      const at = now();
      try {
        const result = await backupDatabase(db, join(dir, backupFileName(at)));
        log.info({ file: result.file, pages: result.pages, ms: result.ms }, 'database backed up');
        const deleted = pruneBackups(dir, keepDays, at);
        if (deleted.length > 0) log.info({ deleted, keepDays }, 'old backups deleted');
        return result;
      } catch (err) {
        log.error({ err, dir }, 'database backup failed');
        return null;
      }
    });
    return running;
  };

  const schedule = () => {
    if (stopped || everyMs <= 0) return;
    const newest = listBackups(dir)[0]?.at.getTime() ?? -Infinity;
    const wait = Math.max(0, newest + everyMs - now().getTime());
    // setTimeout holds at most 2^31-1 ms (24.8 days); a longer wait simply checks again.
    timer = setTimeout(() => {
      const due = (listBackups(dir)[0]?.at.getTime() ?? -Infinity) + everyMs <= now().getTime() + 1000;
      void (due ? runNow() : Promise.resolve(null)).then(schedule);
    }, Math.min(wait, 2 ** 31 - 1));
    timer.unref();
  };
  schedule();

  return {
    runNow,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/**
 * Before the code migrates an older database forward: a backup named
 * pre-upgrade-v<from>-to-v<to>-<time>.sqlite, which is what a rollback restores. Null when there is
 * nothing to migrate (no file yet, a new one, or one already current). Never deleted by retention.
 */
export async function backupBeforeUpgrade(dbFile: string, dir: string, now: Date = new Date()): Promise<BackupResult | null> {
  if (!existsSync(dbFile)) return null;
  const from = await schemaVersionOf(dbFile);
  if (from === 0 || from >= LATEST_SCHEMA) return null;
  return backupDatabase(dbFile, join(dir, `pre-upgrade-v${from}-to-v${LATEST_SCHEMA}-${timestamp(now)}.sqlite`));
}

export class RestoreError extends Error {
  override name = 'RestoreError';
}

/**
 * Puts a backup in place of the database: the backup must pass integrity_check, no process may hold
 * the database (stop the hub first), and the current file is kept as <db>.before-restore (its WAL as
 * <db>.before-restore-wal, so the pair still opens). Returns where the old file went and the schema version restored.
 */
export async function restoreDatabase(from: string, dbFile: string, now: Date = new Date()): Promise<{ asideFile: string | null; schemaVersion: number }> {
  const problems = await integrityProblems(from);
  if (problems.length > 0) throw new RestoreError(`${from} is not a sound database, nothing was changed: ${problems.slice(0, 5).join('; ')}`);
  if (existsSync(dbFile) && (await inUse(dbFile))) throw new RestoreError(`${dbFile} is in use (is the hub running?): stop it first, nothing was changed`);
  let asideFile: string | null = null;
  if (existsSync(dbFile)) {
    asideFile = existsSync(`${dbFile}.before-restore`) ? `${dbFile}.before-restore-${timestamp(now)}` : `${dbFile}.before-restore`;
    renameSync(dbFile, asideFile);
    if (existsSync(`${dbFile}-wal`)) renameSync(`${dbFile}-wal`, `${asideFile}-wal`);
  }
  rmSync(`${dbFile}-wal`, { force: true });
  rmSync(`${dbFile}-shm`, { force: true });
  mkdirSync(dirname(resolve(dbFile)), { recursive: true });
  const partial = `${dbFile}.restoring`;
  copyFileSync(from, partial);
  syncFile(partial);
  renameSync(partial, dbFile);
  return { asideFile, schemaVersion: await schemaVersionOf(dbFile) };
}

/** True while another connection has the database open: an exclusive lock cannot be had. */
async function inUse(file: string): Promise<boolean> {
  const conn = await openRaw(file, sqlite3.OPEN_READWRITE);
  try {
    await new Promise<void>((ok, fail) => conn.exec('PRAGMA busy_timeout = 0; PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT', (err) => (err ? fail(err) : ok())));
    return false;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw err;
  } finally {
    await closeRaw(conn);
  }
}

function removeDatabaseFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
}

function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens a database that must exist. Read-write when allowed, though nothing is written: the last
 * connection to close then removes the -wal and -shm files, which a read-only one leaves behind.
 */
function openExisting(file: string): Promise<sqlite3.Database> {
  return openRaw(file, sqlite3.OPEN_READWRITE).catch(() => openRaw(file, sqlite3.OPEN_READONLY));
}

function openRaw(file: string, mode: number): Promise<sqlite3.Database> {
  return new Promise<sqlite3.Database>((ok, fail) => {
    const conn = new sqlite3.Database(file, mode, (err) => (err ? fail(err) : ok(conn)));
  }).then(async (conn) => {
    await all(conn, 'PRAGMA busy_timeout = 5000');
    return conn;
  });
}

function closeRaw(conn: sqlite3.Database): Promise<void> {
  return new Promise((ok) => conn.close(() => ok()));
}

function all<T>(conn: sqlite3.Database, sql: string): Promise<T[]> {
  return new Promise((ok, fail) => conn.all(sql, (err, rows) => (err ? fail(err) : ok(rows as T[]))));
}
