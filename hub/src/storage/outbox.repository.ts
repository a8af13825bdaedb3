/** The upstream outbox: events written in the same commit as the change they tell of, delivered in order. */
import type { Statement, Tx } from './db.js';
import type { OutboxEvent } from '../upstream/sink.js';

export const outboxRepository = {
  insert: (e: { id: string; type: string; event: string; at: string }): Statement => ({
    sql: 'INSERT INTO outbox (id, type, event, created_at) VALUES (?, ?, ?, ?)',
    params: [e.id, e.type, e.event, e.at],
  }),

  /** The oldest undelivered events, in order. */
  pending(tx: Tx, limit: number): Promise<OutboxEvent[]> {
    return tx.all<OutboxEvent>('SELECT seq, id, type, event AS json FROM outbox WHERE delivered_at IS NULL ORDER BY seq LIMIT ?', [limit]);
  },

  /** Everything up to `seq` was delivered (the sink takes events in order): one statement for a batch. */
  delivered: (throughSeq: number, at: string): Statement => ({
    sql: 'UPDATE outbox SET delivered_at = ? WHERE seq <= ? AND delivered_at IS NULL',
    params: [at, throughSeq],
  }),

  async backlog(tx: Tx): Promise<{ count: number; oldest: string | null }> {
    const r = await tx.get<{ count: number; oldest: string | null }>('SELECT COUNT(*) AS count, MIN(created_at) AS oldest FROM outbox WHERE delivered_at IS NULL');
    return r ?? { count: 0, oldest: null };
  },

  /** Forgets delivered events older than `before`. */
  prune: (before: string): Statement => ({ sql: 'DELETE FROM outbox WHERE delivered_at IS NOT NULL AND delivered_at < ?', params: [before] }),
};
