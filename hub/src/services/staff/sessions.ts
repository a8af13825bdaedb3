/** Staff sessions on devices: who is signed in where, since when active, and when the PIN was last proven. */
import { randomBytes } from 'node:crypto';
import type { DeviceKind, StaffSignInMethod, StaffSignedOutReason } from '@selfserve/shared';
import type { Clock } from '../../clock.js';
import type { Staff } from '../../storage/staff.repository.js';

export interface StaffSession {
  id: string;
  csrf: string;
  staff: Staff;
  deviceId: string;
  deviceKind: DeviceKind;
  /** The lane of the kiosk it was opened on; null at a station. */
  laneId: string | null;
  method: StaffSignInMethod;
  /** Last staff action, in ms. */
  activeAt: number;
  /** Last time the PIN was proven or admin work done, in ms. */
  adminAt: number;
}

export interface SessionTimes {
  /** Idle time that ends a session at a station… */
  stationIdleMs: number;
  /** …and at a lane's kiosk. */
  laneIdleMs: number;
  /** Admin work after this long asks for the PIN again. */
  reauthMs: number;
}

const token = () => randomBytes(24).toString('base64url');
/** Kept in memory only: a hub restart signs everyone out. Bounded, so a flood cannot grow it. */
const MAX_SESSIONS = 500;

export class StaffSessions {
  private readonly sessions = new Map<string, StaffSession>();
  private readonly listeners = new Set<(s: StaffSession, reason: StaffSignedOutReason) => void>();
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly times: SessionTimes,
  ) {}

  /** Called when a session ends for any reason, so the transport can tell its sockets. */
  onEnd(listener: (s: StaffSession, reason: StaffSignedOutReason) => void): void {
    this.listeners.add(listener);
  }

  /** Ends idle sessions on a timer, so a station is signed out even when nobody touches it. */
  start(): void {
    const every = Math.max(200, Math.min(this.times.stationIdleMs, this.times.laneIdleMs, 5000) / 4);
    this.sweeper = setInterval(() => this.sweep(), every);
    this.sweeper.unref();
  }

  stop(): void {
    clearInterval(this.sweeper);
  }

  create(staff: Staff, device: { deviceId: string; kind: DeviceKind; laneId: string | null }, method: StaffSignInMethod): StaffSession {
    // One session per device: signing in replaces whoever was signed in there.
    for (const s of [...this.sessions.values()]) if (s.deviceId === device.deviceId) this.end(s.id, 'signed-out');
    if (this.sessions.size >= MAX_SESSIONS) this.sweep();
    if (this.sessions.size >= MAX_SESSIONS) {
      const oldest = [...this.sessions.values()].sort((a, b) => a.activeAt - b.activeAt)[0];
      if (oldest) this.end(oldest.id, 'idle');
    }
    const now = this.clock.now().getTime();
    const session: StaffSession = { id: token(), csrf: token(), staff, deviceId: device.deviceId, deviceKind: device.kind, laneId: device.laneId, method, activeAt: now, adminAt: now };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session with this id on this device, or null (unknown, other device, or idle too long: then it ends). */
  get(id: string | undefined, deviceId: string): StaffSession | null {
    const s = id ? this.sessions.get(id) : undefined;
    if (!s || s.deviceId !== deviceId) return null;
    if (this.idle(s, this.clock.now().getTime())) {
      this.end(s.id, 'idle');
      return null;
    }
    return s;
  }

  touch(s: StaffSession): void {
    s.activeAt = this.clock.now().getTime();
  }

  /** True when admin work must ask for the PIN first. */
  needsReauth(s: StaffSession): boolean {
    return this.clock.now().getTime() - s.adminAt > this.times.reauthMs;
  }

  /** Admin work done, or the PIN proven: the reauth window starts again. */
  admin(s: StaffSession): void {
    s.adminAt = this.clock.now().getTime();
    this.touch(s);
  }

  idleSeconds(kind: DeviceKind): number {
    return Math.round((kind === 'kiosk' ? this.times.laneIdleMs : this.times.stationIdleMs) / 1000);
  }

  end(id: string, reason: StaffSignedOutReason): void {
    const s = this.sessions.get(id);
    if (!s) return;
    this.sessions.delete(id);
    for (const l of this.listeners) l(s, reason);
  }

  endForStaff(staffId: string, reason: StaffSignedOutReason): void {
    for (const s of [...this.sessions.values()]) if (s.staff.id === staffId) this.end(s.id, reason);
  }

  endForDevice(deviceId: string, reason: StaffSignedOutReason): void {
    for (const s of [...this.sessions.values()]) if (s.deviceId === deviceId) this.end(s.id, reason);
  }

  private idle(s: StaffSession, now: number): boolean {
    return now - s.activeAt > (s.deviceKind === 'kiosk' ? this.times.laneIdleMs : this.times.stationIdleMs);
  }

  private sweep(): void {
    const now = this.clock.now().getTime();
    for (const s of [...this.sessions.values()]) if (this.idle(s, now)) this.end(s.id, 'idle');
  }
}
