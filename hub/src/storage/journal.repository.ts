/**
 * The electronic journal: append-only records numbered 1, 2, 3… in commit order (the number is taken
 * inside the commit that writes the record, so it has no gaps), sealed afterwards into a hash chain.
 */
import type { JournalRecord } from '@selfserve/shared';
import type { Param, Statement, Tx } from './db.js';

export interface JournalEntry {
  type: string;
  laneId: string | null;
  staffId: string | null;
  data: Record<string, unknown>;
}

/** A journal row as SQLite returns it. */
export interface JournalRow {
  seq: number;
  at: string;
  type: string;
  lane_id: string | null;
  staff_id: string | null;
  data: string;
  prev_hash: string | null;
  hash: string | null;
}

export type StoredRecord = Omit<JournalRecord, 'data'> & { data: string };

const sql = (text: string, ...params: Param[]): Statement => ({ sql: text, params });
export const toRecord = (r: JournalRow): StoredRecord => ({ seq: r.seq, at: r.at, type: r.type, laneId: r.lane_id, staffId: r.staff_id, data: r.data, prevHash: r.prev_hash, hash: r.hash });

export const journalRepository = {
  append: (e: JournalEntry, at: string) =>
    sql('INSERT INTO journal (seq, at, type, lane_id, staff_id, data) VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM journal), ?, ?, ?, ?, ?)',
      at, e.type, e.laneId, e.staffId, JSON.stringify(e.data)),

  async unsealed(tx: Tx): Promise<StoredRecord[]> {
    return (await tx.all<JournalRow>('SELECT * FROM journal WHERE hash IS NULL ORDER BY seq')).map(toRecord);
  },

  async bySeq(tx: Tx, seq: number): Promise<StoredRecord | undefined> {
    const r = await tx.get<JournalRow>('SELECT * FROM journal WHERE seq = ?', [seq]);
    return r ? toRecord(r) : undefined;
  },

  seal: (seq: number, prevHash: string | null, hash: string) => sql('UPDATE journal SET prev_hash = ?, hash = ? WHERE seq = ? AND hash IS NULL', prevHash, hash, seq),

  /** Records in order from `afterSeq` on, a page at a time (the journal of five years is large). */
  async page(tx: Tx, afterSeq: number, limit: number): Promise<StoredRecord[]> {
    return (await tx.all<JournalRow>('SELECT * FROM journal WHERE seq > ? ORDER BY seq LIMIT ?', [afterSeq, limit])).map(toRecord);
  },

  async between(tx: Tx, from: string, to: string): Promise<StoredRecord[]> {
    return (await tx.all<JournalRow>('SELECT * FROM journal WHERE at >= ? AND at < ? ORDER BY seq', [from, to])).map(toRecord);
  },

  async after(tx: Tx, seq: number, laneId: string | null): Promise<StoredRecord[]> {
    const rows = laneId === null
      ? await tx.all<JournalRow>('SELECT * FROM journal WHERE seq > ? ORDER BY seq', [seq])
      : await tx.all<JournalRow>('SELECT * FROM journal WHERE seq > ? AND lane_id = ? ORDER BY seq', [seq, laneId]);
    return rows.map(toRecord);
  },

  async lastSeq(tx: Tx): Promise<number> {
    return (await tx.get<{ n: number | null }>('SELECT MAX(seq) AS n FROM journal'))?.n ?? 0;
  },
};
