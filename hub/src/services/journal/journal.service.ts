/**
 * The electronic journal (Danish Bookkeeping Act): every sale, refund, void, cancelled basket, lane
 * opening and closing, price override and Z report, in the commit that makes it. Records are numbered in
 * commit order, then sealed one after another into a hash chain, so a gap or an edit shows; kept for
 * good (never pruned: at least 5 years), exported as JSON or CSV for a date range.
 */
import type { JournalRecord, JournalVerification } from '@selfserve/shared';
import type { Database } from '../../storage/db.js';
import { journalRepository as repo, type StoredRecord } from '../../storage/journal.repository.js';
import { ChainWalker, recordHash } from './chain.js';

const PAGE = 2000;

export class JournalService {
  private sealing: Promise<void> | null = null;
  private again = false;

  constructor(private readonly db: Database) {}

  /** Seals every record not sealed yet, in order; calls while it runs are folded into one more round. */
  seal(): Promise<void> {
    if (this.sealing) {
      this.again = true;
      return this.sealing;
    }
    this.sealing = (async () => {
      do {
        this.again = false;
        await this.sealOnce();
      } while (this.again);
    })().finally(() => {
      this.sealing = null;
    });
    return this.sealing;
  }

  private async sealOnce(): Promise<void> {
    const { open, before } = await this.db.tx(async (tx) => {
      const open = await repo.unsealed(tx);
      const before = open.length && open[0]!.seq > 1 ? await repo.bySeq(tx, open[0]!.seq - 1) : undefined;
      return { open, before };
    });
    if (open.length === 0) return;
    let prev = before?.hash ?? null;
    const statements = open.map((r) => {
      const hash = recordHash(r, prev);
      const s = repo.seal(r.seq, prev, hash);
      prev = hash;
      return s;
    });
    await this.db.write(statements);
  }

  /** Seals what is waiting, then walks the whole chain from record 1. */
  async verify(): Promise<JournalVerification> {
    await this.seal();
    return verifyChain((after) => this.db.tx((tx) => repo.page(tx, after, PAGE)));
  }

  /** The records written from `from` until `to` (ISO instants), data parsed. */
  async records(from: string, to: string): Promise<JournalRecord[]> {
    await this.seal();
    const rows = await this.db.tx((tx) => repo.between(tx, from, to));
    return rows.map(parsed);
  }
}

export const parsed = (r: StoredRecord): JournalRecord => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> });

/** Walks the chain a page at a time (the journal CLI does the same on a file). */
export async function verifyChain(page: (afterSeq: number) => Promise<StoredRecord[]>): Promise<JournalVerification> {
  const walker = new ChainWalker();
  let after = 0;
  let last: number | null = null;
  for (;;) {
    const rows = await page(after);
    for (const r of rows) {
      if (!walker.step(r)) return { ok: false, records: walker.records, lastSeq: last, broken: walker.broken };
      last = r.seq;
    }
    if (rows.length < PAGE) break;
    after = rows.at(-1)!.seq;
  }
  return { ok: true, records: walker.records, lastSeq: last, broken: null };
}

const CSV_COLUMNS = ['seq', 'at', 'type', 'laneId', 'staffId', 'data', 'prevHash', 'hash'] as const;

export function journalCsv(records: JournalRecord[]): string {
  const cell = (v: unknown) => {
    const text = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [CSV_COLUMNS.join(','), ...records.map((r) => CSV_COLUMNS.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}
