/** Registered devices, found by the hash of their token (the token itself is never stored), and their pairing codes. */
import type { DeviceKind } from '@selfserve/shared';
import type { Database, Statement, Tx } from './db.js';

export interface DeviceRow {
  id: string;
  kind: DeviceKind;
  laneId: string | null;
  name: string | null;
}

export interface DeviceRecord extends DeviceRow {
  createdAt: string;
  pairedAt: string | null;
  revokedAt: string | null;
}

const COLUMNS = 'id, kind, lane_id AS laneId, name, created_at AS createdAt, paired_at AS pairedAt, revoked_at AS revokedAt';

export class DevicesRepository {
  constructor(private readonly db: Database) {}

  /** A live device's token: a revoked device's token never matches (its hash is replaced). */
  byTokenHash(hash: string): Promise<DeviceRow | undefined> {
    return this.db.get<DeviceRow>('SELECT id, kind, lane_id AS laneId, name FROM devices WHERE token_hash = ? AND revoked_at IS NULL', [hash]);
  }

  /** A configured device: its token may change with the configuration; a revoked one stays revoked. */
  upsert(device: DeviceRow, tokenHash: string, now: string): Promise<void> {
    return this.db.tx(async (tx) => {
      await tx.run('DELETE FROM devices WHERE token_hash = ? AND id <> ?', [tokenHash, device.id]);
      await tx.run(
        `INSERT INTO devices (id, kind, lane_id, name, token_hash, created_at, paired_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, lane_id = excluded.lane_id, name = excluded.name,
           token_hash = CASE WHEN devices.revoked_at IS NULL THEN excluded.token_hash ELSE devices.token_hash END`,
        [device.id, device.kind, device.laneId, device.name, tokenHash, now, now],
      );
    });
  }

  list(): Promise<DeviceRecord[]> {
    return this.db.all<DeviceRecord>(`SELECT ${COLUMNS} FROM devices ORDER BY created_at, id`);
  }

  byId(tx: Tx, id: string): Promise<DeviceRecord | undefined> {
    return tx.get<DeviceRecord>(`SELECT ${COLUMNS} FROM devices WHERE id = ?`, [id]);
  }

  /** The device a live (unused, unexpired) code belongs to. */
  byLiveCode(tx: Tx, codeHash: string, now: string): Promise<DeviceRecord | undefined> {
    return tx.get<DeviceRecord>(
      `SELECT d.id, d.kind, d.lane_id AS laneId, d.name, d.created_at AS createdAt, d.paired_at AS pairedAt, d.revoked_at AS revokedAt
       FROM pairing_codes c JOIN devices d ON d.id = c.device_id
       WHERE c.code_hash = ? AND c.used_at IS NULL AND c.expires_at > ? AND d.revoked_at IS NULL`,
      [codeHash, now],
    );
  }

  async codeTaken(tx: Tx, codeHash: string, now: string): Promise<boolean> {
    return (await tx.get('SELECT 1 AS x FROM pairing_codes WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?', [codeHash, now])) !== undefined;
  }

  insert: (d: DeviceRow & { tokenHash: string; createdAt: string; pairedAt: string | null }) => Statement = (d) => ({
    sql: 'INSERT INTO devices (id, kind, lane_id, name, token_hash, created_at, paired_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    params: [d.id, d.kind, d.laneId, d.name, d.tokenHash, d.createdAt, d.pairedAt],
  });

  /** A new code for the device; its earlier codes (and any spent or expired row with the same hash) go. */
  replaceCode: (deviceId: string, codeHash: string, expiresAt: string, now: string) => Statement[] = (deviceId, codeHash, expiresAt, now) => [
    { sql: 'DELETE FROM pairing_codes WHERE device_id = ? OR (code_hash = ? AND (used_at IS NOT NULL OR expires_at <= ?))', params: [deviceId, codeHash, now] },
    { sql: 'INSERT INTO pairing_codes (code_hash, device_id, expires_at) VALUES (?, ?, ?)', params: [codeHash, deviceId, expiresAt] },
  ];

  paired: (deviceId: string, codeHash: string, tokenHash: string, now: string) => Statement[] = (deviceId, codeHash, tokenHash, now) => [
    { sql: 'UPDATE pairing_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL', params: [now, codeHash] },
    { sql: 'UPDATE devices SET token_hash = ?, paired_at = ? WHERE id = ? AND revoked_at IS NULL', params: [tokenHash, now, deviceId] },
  ];

  /** Revoked: the token hash is replaced, so the old token never matches again, and its codes go. */
  revoke: (deviceId: string, placeholder: string, now: string) => Statement[] = (deviceId, placeholder, now) => [
    { sql: 'UPDATE devices SET revoked_at = ?, token_hash = ? WHERE id = ?', params: [now, placeholder, deviceId] },
    { sql: 'DELETE FROM pairing_codes WHERE device_id = ?', params: [deviceId] },
  ];
}
