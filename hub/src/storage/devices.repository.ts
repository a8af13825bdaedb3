/** Registered devices, found by the hash of their token (the token itself is never stored). */
import type { DeviceKind } from '@selfserve/shared';
import type { Database } from './db.js';

export interface DeviceRow {
  id: string;
  kind: DeviceKind;
  laneId: string | null;
  name: string | null;
}

export class DevicesRepository {
  constructor(private readonly db: Database) {}

  byTokenHash(hash: string): Promise<DeviceRow | undefined> {
    return this.db.get<DeviceRow>('SELECT id, kind, lane_id AS laneId, name FROM devices WHERE token_hash = ?', [hash]);
  }

  upsert(device: DeviceRow, tokenHash: string, now: string): Promise<void> {
    return this.db.tx(async (tx) => {
      await tx.run('DELETE FROM devices WHERE token_hash = ? AND id <> ?', [tokenHash, device.id]);
      await tx.run(
        `INSERT INTO devices (id, kind, lane_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, lane_id = excluded.lane_id, name = excluded.name, token_hash = excluded.token_hash`,
        [device.id, device.kind, device.laneId, device.name, tokenHash, now],
      );
    });
  }
}
