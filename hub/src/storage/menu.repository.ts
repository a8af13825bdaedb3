/** What staff or the kitchen marked sold out, kept across restarts. */
import type { Param, Statement, Tx } from './db.js';

const sql = (text: string, ...params: Param[]): Statement => ({ sql: text, params });

export const menuRepository = {
  async soldOut(tx: Tx): Promise<string[]> {
    return (await tx.all<{ key: string }>('SELECT key FROM menu_sold_out ORDER BY key')).map((r) => r.key);
  },
  markSoldOut: (key: string, since: string, staffId: string | null, deviceId: string) =>
    sql('INSERT INTO menu_sold_out (key, since, by_staff, by_device) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO NOTHING', key, since, staffId, deviceId),
  markAvailable: (key: string) => sql('DELETE FROM menu_sold_out WHERE key = ?', key),
};
