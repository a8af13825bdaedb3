/** The journal's hash chain: each record's hash covers its fields and the hash before it. */
import { createHash } from 'node:crypto';
import type { JournalVerification } from '@selfserve/shared';
import type { StoredRecord } from '../../storage/journal.repository.js';

export function recordHash(r: Pick<StoredRecord, 'seq' | 'at' | 'type' | 'laneId' | 'staffId' | 'data'>, prevHash: string | null): string {
  return createHash('sha256')
    .update(JSON.stringify([r.seq, r.at, r.type, r.laneId, r.staffId, r.data, prevHash]))
    .digest('hex');
}

/** Walks records in order, carrying what the next one must link to; reports the first break. */
export class ChainWalker {
  private expectSeq = 1;
  private prev: string | null = null;
  records = 0;
  broken: JournalVerification['broken'] = null;

  step(r: StoredRecord): boolean {
    if (this.broken) return false;
    const fail = (reason: string) => {
      this.broken = { seq: r.seq, reason };
      return false;
    };
    if (r.seq !== this.expectSeq) return fail(r.seq > this.expectSeq ? `record ${this.expectSeq} is missing` : `record ${r.seq} is out of order`);
    if (r.hash === null) return fail(`record ${r.seq} is not sealed`);
    if (r.prevHash !== this.prev) return fail(`record ${r.seq} does not link to the record before it`);
    if (recordHash(r, this.prev) !== r.hash) return fail(`record ${r.seq} was changed after it was written`);
    this.prev = r.hash;
    this.expectSeq += 1;
    this.records += 1;
    return true;
  }
}
