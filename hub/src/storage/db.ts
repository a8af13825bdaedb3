/** The sqlite3 connection: promise API, migrations, and one write queue so transactions never interleave. */
import sqlite3 from 'sqlite3';
import { Checkpointer } from './checkpointer.js';
import { inlineStatement } from './inline-sql.js';
import { LATEST_SCHEMA, MIGRATIONS } from './migrations.js';

export type Param = string | number | null | bigint | Buffer;

/** What a transaction body may do; it runs alone on the connection until it settles. */
export interface Tx {
  run(sql: string, params?: Param[]): Promise<{ changes: number; lastID: number }>;
  get<T>(sql: string, params?: Param[]): Promise<T | undefined>;
  all<T>(sql: string, params?: Param[]): Promise<T[]>;
}

/** SQLite could not write because the disk (or the database's page limit) is full. */
export const isStorageFull = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && ((err as { code?: unknown }).code === 'SQLITE_FULL' || /database or disk is full/.test(String((err as Error).message)));

/** One SQL statement with its parameters, to be run later inside a batch. */
export interface Statement {
  sql: string;
  params: Param[];
}

interface PendingWrite {
  statements: Statement[];
  durable: boolean;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export interface TxOptions {
  /**
   * Money is being recorded (sales, payments): commit with synchronous=FULL so the commit survives
   * a power loss. Other writes use NORMAL, which in WAL mode survives a crash of the process but
   * may lose the last commits on a power loss.
   */
  durable?: boolean;
}

export class Database implements Tx {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private pending: PendingWrite[] = [];
  private checkpointer: Checkpointer | undefined;
  private flushQueued = false;

  private constructor(
    private readonly conn: sqlite3.Database,
    readonly file: string,
  ) {}

  /**
   * Opens (or creates) the database and brings its schema up to date. `schemaVersion` stops the
   * migrations at that version: tests build the databases of earlier releases with it.
   */
  static async open(file: string, { checkpointMs = 1000, schemaVersion = LATEST_SCHEMA }: { checkpointMs?: number; schemaVersion?: number } = {}): Promise<Database> {
    const conn = await new Promise<sqlite3.Database>((resolve, reject) => {
      const c = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(c)));
    });
    // Serialized mode: statements run in the order they were issued, so a batch need not await each one.
    conn.serialize();
    const db = new Database(conn, file);
    await db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
    await db.migrate(schemaVersion).catch(async (err: unknown) => {
      await db.close();
      throw err;
    });
    if (file !== ':memory:') {
      await db.exec('PRAGMA wal_autocheckpoint = 0');
      db.checkpointer = await Checkpointer.start(file, checkpointMs);
    }
    return db;
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.conn.exec(sql, (err) => (err ? reject(err) : resolve())));
  }

  run(sql: string, params: Param[] = []): Promise<{ changes: number; lastID: number }> {
    return new Promise((resolve, reject) =>
      this.conn.run(sql, params, function (err) {
        if (err) reject(err);
        else resolve({ changes: this.changes, lastID: this.lastID });
      }),
    );
  }

  get<T>(sql: string, params: Param[] = []): Promise<T | undefined> {
    return new Promise((resolve, reject) =>
      this.conn.get(sql, params, (err, row) => (err ? reject(err) : resolve(row as T | undefined))),
    );
  }

  all<T>(sql: string, params: Param[] = []): Promise<T[]> {
    return new Promise((resolve, reject) =>
      this.conn.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[]))),
    );
  }

  /**
   * Runs `fn` inside BEGIN IMMEDIATE … COMMIT, queued behind every earlier transaction, so two
   * handlers never interleave statements inside one transaction. A throw rolls back and rethrows.
   */
  tx<T>(fn: (tx: Tx) => Promise<T>, options: TxOptions = {}): Promise<T> {
    const result = this.queue.then(() => this.runTx(fn, options));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async runTx<T>(fn: (tx: Tx) => Promise<T>, { durable = false }: TxOptions): Promise<T> {
    if (this.closed) throw new Error('database is closed');
    if (durable) await this.exec('PRAGMA synchronous = FULL');
    await this.exec('BEGIN IMMEDIATE');
    try {
      const value = await fn(this);
      await this.exec('COMMIT');
      return value;
    } catch (err) {
      await this.exec('ROLLBACK').catch(() => undefined);
      this.noteFull(err);
      throw err;
    } finally {
      if (durable) await this.exec('PRAGMA synchronous = NORMAL').catch(() => undefined);
    }
  }

  /**
   * Group commit: the statements are committed in one transaction together with every other write
   * that arrived while the previous transaction ran. Resolves once they are committed. If a batch
   * fails, each write is retried alone so one bad write cannot fail the others.
   */
  write(statements: Statement[], options: TxOptions = {}): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ statements, durable: options.durable ?? false, resolve, reject });
      if (this.flushQueued) return;
      this.flushQueued = true;
      this.queue = this.queue.then(() => this.flush()).catch(() => undefined);
    });
  }

  private async flush(): Promise<void> {
    this.flushQueued = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      await this.runBatch(batch.flatMap((w) => w.statements), batch.some((w) => w.durable));
      for (const w of batch) w.resolve();
    } catch (err) {
      if (batch.length === 1) return batch[0]!.reject(err);
      for (const w of batch) {
        await this.runBatch(w.statements, w.durable).then(w.resolve, w.reject);
      }
    }
  }

  /**
   * One transaction, one call into SQLite: the statements go as one script with their parameters
   * written in as literals (inline-sql.ts), so a batch costs one trip through the thread pool instead
   * of one per statement, each waiting for a turn of a busy event loop.
   */
  private async runBatch(statements: Statement[], durable: boolean): Promise<void> {
    if (this.closed) throw new Error('database is closed');
    const script = ['BEGIN IMMEDIATE', ...statements.map(inlineStatement), 'COMMIT'].join(';\n');
    if (durable) await this.exec('PRAGMA synchronous = FULL');
    try {
      await this.exec(script);
      this.storageFull = false;
    } catch (err) {
      await this.exec('ROLLBACK').catch(() => undefined);
      this.noteFull(err);
      throw err;
    } finally {
      if (durable) await this.exec('PRAGMA synchronous = NORMAL').catch(() => undefined);
    }
  }

  /** True since a write found the disk full, until a write succeeds again. */
  storageFull = false;

  private noteFull(err: unknown): void {
    if (isStorageFull(err)) this.storageFull = true;
  }

  /** Waits for queued transactions, then closes the connection. */
  async close(): Promise<void> {
    await this.queue;
    if (this.closed) return;
    this.closed = true;
    await new Promise<void>((resolve, reject) => this.conn.close((err) => (err ? reject(err) : resolve())));
    await this.checkpointer?.stop();
  }

  /**
   * Runs `fn` with the raw connection in the write queue's turn, between two transactions, never
   * inside one: the online backup copies its pages through here while writes go on between its steps.
   */
  inTurn<T>(fn: (conn: sqlite3.Database) => Promise<T>): Promise<T> {
    const result = this.queue.then(() => {
      if (this.closed) throw new Error('database is closed');
      return fn(this.conn);
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** The schema version recorded in the file (the last migration applied). */
  async schemaVersion(): Promise<number> {
    return (await this.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0;
  }

  /** Applies numbered migrations above the file's user_version up to `target`, each in its own transaction. */
  private async migrate(target: number): Promise<void> {
    const current = await this.schemaVersion();
    // Migrations only go forward: older code must not write to a newer schema. A rollback restores the pre-upgrade backup.
    if (current > target) throw new Error(`${this.file} has schema version ${current}, newer than this code's ${target}: run the newer version, or restore the backup taken before the upgrade (docs/operations.md)`);
    for (const m of MIGRATIONS.filter((m) => m.version > current && m.version <= target)) {
      await this.tx(async (tx) => {
        for (const statement of m.sql.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) await tx.run(statement);
        await tx.run(`PRAGMA user_version = ${m.version}`);
      });
    }
  }
}
