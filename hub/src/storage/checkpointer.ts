/** Copies the WAL back into the database file from a second connection, off the path of every commit. */
import sqlite3 from 'sqlite3';

/**
 * SQLite's automatic checkpoint runs inside whichever commit crosses the threshold, and it fsyncs:
 * that commit (a shopper's scan) waits for the disk. With the automatic one off, this connection runs
 * PASSIVE checkpoints on a timer; they never block the writer, which keeps working in the WAL.
 */
export class Checkpointer {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  private constructor(private readonly conn: sqlite3.Database) {}

  static async start(file: string, intervalMs: number): Promise<Checkpointer> {
    const conn = await new Promise<sqlite3.Database>((resolve, reject) => {
      const c = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(c)));
    });
    const cp = new Checkpointer(conn);
    await cp.pragma('PRAGMA busy_timeout = 5000');
    cp.timer = setInterval(() => {
      cp.running = cp.running.then(() => cp.pragma('PRAGMA wal_checkpoint(PASSIVE)')).catch(() => undefined);
    }, intervalMs);
    cp.timer.unref();
    return cp;
  }

  /** A last full checkpoint, so a stopped hub leaves a small WAL behind. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    await this.pragma('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined);
    await new Promise<void>((resolve) => this.conn.close(() => resolve()));
  }

  private pragma(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.conn.all(sql, (err) => (err ? reject(err) : resolve())));
  }
}
