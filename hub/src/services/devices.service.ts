/** Device identity: turns the token a device presents into who it is, or refuses it. */
import { createHash } from 'node:crypto';
import type { DeviceKind } from '@selfserve/shared';
import type { DevicesRepository, DeviceRow } from '../storage/devices.repository.js';
import type { Clock } from '../clock.js';

export interface DeviceIdentity {
  deviceId: string;
  kind: DeviceKind;
  laneId: string | null;
}

/** The seam the pairing issue replaces: anything that can vouch for a token. */
export interface DeviceIssuer {
  identify(token: string): Promise<DeviceIdentity | null>;
}

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Tokens listed in the configuration (the demo store's devices), stored hashed. */
export class ConfiguredDevices implements DeviceIssuer {
  constructor(
    private readonly repo: DevicesRepository,
    private readonly clock: Clock,
  ) {}

  async register(devices: Array<{ id: string; kind: DeviceKind; laneId?: string | undefined; name?: string | undefined; token: string }>) {
    for (const d of devices) {
      const row: DeviceRow = { id: d.id, kind: d.kind, laneId: d.laneId ?? null, name: d.name ?? null };
      await this.repo.upsert(row, hashToken(d.token), this.clock.now().toISOString());
    }
  }

  async identify(token: string): Promise<DeviceIdentity | null> {
    if (typeof token !== 'string' || token.length < 16 || token.length > 512) return null;
    const row = await this.repo.byTokenHash(hashToken(token));
    return row ? { deviceId: row.id, kind: row.kind, laneId: row.laneId } : null;
  }
}
