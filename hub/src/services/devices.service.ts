/**
 * Device identity: pairing a new screen with a one-time code, turning the token a device presents into
 * who it is, and revoking it. Configured tokens (pre-provisioned by an installer) are registered too.
 */
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { DeviceInfo, DeviceKind, PairingCode, PairResult } from '@selfserve/shared';
import type { DevicesRepository, DeviceRecord, DeviceRow } from '../storage/devices.repository.js';
import type { Database } from '../storage/db.js';
import type { Clock } from '../clock.js';
import { auditStatement, type AuditMethod } from './staff/audit.service.js';

export interface DeviceIdentity {
  deviceId: string;
  kind: DeviceKind;
  laneId: string | null;
}

/** Anything that can vouch for a token. */
export interface DeviceIssuer {
  identify(token: string): Promise<DeviceIdentity | null>;
}

export class DeviceError extends Error {
  override name = 'DeviceError';
  constructor(
    readonly code: 'invalid-input' | 'not-found' | 'invalid-code',
    message: string,
  ) {
    super(message);
  }
}

/** Who changes devices, for the audit log. */
export interface DeviceChangedBy {
  actor: string | null;
  deviceId?: string;
  method?: AuditMethod;
}

const hash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const newToken = () => randomBytes(32).toString('base64url');
const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

export interface DeviceRegistryOptions {
  db: Database;
  repo: DevicesRepository;
  clock: Clock;
  /** How long a pairing code is valid. */
  codeSeconds: number;
  laneIds: () => string[];
  /** Whether a device has a socket open now. */
  online: (deviceId: string) => boolean;
}

export class DeviceRegistry implements DeviceIssuer {
  constructor(private readonly o: DeviceRegistryOptions) {}

  /** Devices listed with a token in the configuration. */
  async register(devices: Array<{ id: string; kind: DeviceKind; laneId?: string | undefined; name?: string | undefined; token: string }>) {
    for (const d of devices) {
      const row: DeviceRow = { id: d.id, kind: d.kind, laneId: d.laneId ?? null, name: d.name ?? null };
      await this.o.repo.upsert(row, hash(d.token), this.o.clock.now().toISOString());
    }
  }

  async identify(token: string): Promise<DeviceIdentity | null> {
    if (typeof token !== 'string' || token.length < 16 || token.length > 512) return null;
    const row = await this.o.repo.byTokenHash(hash(token));
    return row ? { deviceId: row.id, kind: row.kind, laneId: row.laneId } : null;
  }

  async list(): Promise<DeviceInfo[]> {
    return (await this.o.repo.list()).map((d) => this.info(d));
  }

  /** A new device waiting to be paired, with its one-time code. */
  async create(input: { kind: DeviceKind; laneId?: string | undefined; name: string }, by: DeviceChangedBy): Promise<PairingCode> {
    const laneId = this.checkLane(input.kind, input.laneId);
    const now = this.o.clock.now().toISOString();
    const id = `${input.kind}-${randomBytes(4).toString('hex')}`;
    const row = { id, kind: input.kind, laneId, name: input.name, tokenHash: `pending:${randomUUID()}`, createdAt: now, pairedAt: null };
    const { code, codeHash, expiresAt } = await this.freshCode(now);
    await this.o.db.write([
      this.o.repo.insert(row),
      ...this.o.repo.replaceCode(id, codeHash, expiresAt, now),
      auditStatement(now, { ...by, action: 'device-created', outcome: 'ok', laneId: laneId ?? undefined, detail: { device: id, kind: input.kind, name: input.name } }),
    ]);
    return { device: this.info({ ...row, revokedAt: null }), code, expiresAt };
  }

  /** A new code for a device (e.g. a replaced screen); the old token keeps working until paired again. */
  async newCode(deviceId: string, by: DeviceChangedBy): Promise<PairingCode> {
    const now = this.o.clock.now().toISOString();
    const device = await this.o.db.tx((tx) => this.o.repo.byId(tx, deviceId));
    if (!device || device.revokedAt) throw new DeviceError('not-found', 'no such device (or it was revoked: create a new one)');
    const { code, codeHash, expiresAt } = await this.freshCode(now);
    await this.o.db.write([
      ...this.o.repo.replaceCode(deviceId, codeHash, expiresAt, now),
      auditStatement(now, { ...by, action: 'device-code', outcome: 'ok', detail: { device: deviceId } }),
    ]);
    return { device: this.info(device), code, expiresAt };
  }

  /** Exchanges a live code for a token, once. A wrong, used or expired code gets the same answer. */
  async pair(code: string, from: string): Promise<PairResult> {
    const now = this.o.clock.now().toISOString();
    const codeHash = hash(code);
    const device = /^\d{6}$/.test(code) ? await this.o.db.tx((tx) => this.o.repo.byLiveCode(tx, codeHash, now)) : undefined;
    if (!device) {
      await this.o.db.write([auditStatement(now, { actor: null, action: 'device-paired', outcome: 'invalid-code', detail: { from } })]);
      throw new DeviceError('invalid-code', 'this pairing code is not valid: it is wrong, used or expired. Ask the manager for a new one');
    }
    const token = newToken();
    await this.o.db.write([
      ...this.o.repo.paired(device.id, codeHash, hash(token), now),
      auditStatement(now, { actor: null, action: 'device-paired', outcome: 'ok', deviceId: device.id, laneId: device.laneId ?? undefined, detail: { from } }),
    ]);
    return { token, device: { id: device.id, kind: device.kind, laneId: device.laneId, name: device.name } };
  }

  /** Demo only: a screen on the hub's own machine pairs itself as what it says it is. */
  async autoPair(input: { kind: DeviceKind; laneId?: string | undefined }): Promise<PairResult> {
    const laneId = this.checkLane(input.kind, input.laneId);
    const now = this.o.clock.now().toISOString();
    const token = newToken();
    const id = `${input.kind}-${randomBytes(4).toString('hex')}`;
    const name = `demo ${input.kind}${laneId ? ` ${laneId}` : ''}`;
    await this.o.db.write([
      this.o.repo.insert({ id, kind: input.kind, laneId, name, tokenHash: hash(token), createdAt: now, pairedAt: now }),
      auditStatement(now, { actor: null, action: 'device-paired', outcome: 'ok', deviceId: id, laneId: laneId ?? undefined, detail: { demo: true } }),
    ]);
    return { token, device: { id, kind: input.kind, laneId, name } };
  }

  async revoke(deviceId: string, by: DeviceChangedBy): Promise<DeviceInfo> {
    const now = this.o.clock.now().toISOString();
    const device = await this.o.db.tx((tx) => this.o.repo.byId(tx, deviceId));
    if (!device) throw new DeviceError('not-found', 'no such device');
    await this.o.db.write([
      ...this.o.repo.revoke(deviceId, `revoked:${randomUUID()}`, now),
      auditStatement(now, { ...by, action: 'device-revoked', outcome: 'ok', laneId: device.laneId ?? undefined, detail: { device: deviceId } }),
    ]);
    return this.info({ ...device, revokedAt: device.revokedAt ?? now });
  }

  private checkLane(kind: DeviceKind, laneId: string | undefined): string | null {
    // Stations, kitchen displays and order boards serve the whole store, not one lane.
    if (kind === 'staff' || kind === 'kitchen' || kind === 'board') return null;
    if (!laneId || !this.o.laneIds().includes(laneId)) throw new DeviceError('invalid-input', `a ${kind} needs one of the store's lanes (${this.o.laneIds().join(', ')})`);
    return laneId;
  }

  private async freshCode(now: string): Promise<{ code: string; codeHash: string; expiresAt: string }> {
    const expiresAt = new Date(Date.parse(now) + this.o.codeSeconds * 1000).toISOString();
    for (;;) {
      const code = newCode();
      const codeHash = hash(code);
      if (!(await this.o.db.tx((tx) => this.o.repo.codeTaken(tx, codeHash, now)))) return { code, codeHash, expiresAt };
    }
  }

  private info(d: DeviceRecord): DeviceInfo {
    return { id: d.id, kind: d.kind, laneId: d.laneId, name: d.name, createdAt: d.createdAt, pairedAt: d.pairedAt, revokedAt: d.revokedAt, online: this.o.online(d.id) };
  }
}
