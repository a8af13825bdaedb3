/** Staff members and sign-in: a PIN, a lockout after repeated wrong ones, and a slower device that keeps guessing. */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../storage/db.js';
import { staffRepository as repo, type Staff, type StaffCredentials, type StaffRole } from '../../storage/staff.repository.js';
import type { Clock } from '../../clock.js';
import { AuditService, type AuditMethod } from './audit.service.js';
import { hashPin, isPinShape, newPin, verifyPin } from './pin.js';

export interface StaffServiceOptions {
  db: Database;
  clock: Clock;
  /** Wrong PINs in a row before the staff member is locked. */
  maxFailures: number;
  lockoutSeconds: number;
  /** A guessing device's first delay in ms, doubling per wrong PIN up to 8 times that (default 1000). */
  guessDelayMs?: number;
  /** How the answer to a guessing device is delayed; tests pass one that only records. */
  sleep?: (ms: number) => Promise<void>;
}

export type SignIn = { ok: true; staff: Staff } | { ok: false; reason: 'invalid' | 'locked' };

/** Who is making a change, for the audit log. */
export interface ChangedBy {
  actor: string | null;
  method?: AuditMethod;
  deviceId?: string;
  laneId?: string;
}

export type StaffErrorCode = 'invalid-input' | 'duplicate' | 'not-found';

export class StaffError extends Error {
  override name = 'StaffError';
  constructor(
    readonly code: StaffErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const NUMBER = /^\d{1,12}$/;
const BADGE = /^[A-Za-z0-9-]{1,64}$/;
/** A device's wrong PINs count against it for this long. */
const DEVICE_WINDOW_MS = 10 * 60_000;
const DEVICE_FREE_FAILURES = 3;
const DEVICE_MAX_DOUBLINGS = 3;
const MAX_TRACKED_DEVICES = 1000;
const MAX_REMEMBERED_FAILURES = 16;

export class StaffService {
  private readonly audit: AuditService;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Recent wrong-PIN times per device; in memory, so a restart forgives them. */
  private readonly deviceFailures = new Map<string, number[]>();
  /** Wrong attempts at numbers and badges nobody has, locked the same way as real ones. */
  private readonly phantoms: PhantomLocks;
  /** A hash of a PIN nobody knows, verified against when there is no staff member, to spend the same time. */
  private readonly dummyHash: Promise<string>;

  constructor(private readonly options: StaffServiceOptions) {
    this.audit = new AuditService({ db: options.db, clock: options.clock });
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.dummyHash = hashPin(newPin());
    this.phantoms = new PhantomLocks(options.maxFailures, options.lockoutSeconds * 1000);
  }

  /** Creates a staff member with a fresh PIN, which is returned this once and never stored readable. */
  async create(input: { number: string; name: string; role: StaffRole; badge?: string; pin?: string }, by: ChangedBy = { actor: null }): Promise<{ staff: Staff; pin: string }> {
    const name = input.name.trim();
    if (!NUMBER.test(input.number)) throw new StaffError('invalid-input', 'a staff number is 1 to 12 digits');
    if (input.badge !== undefined && !BADGE.test(input.badge)) throw new StaffError('invalid-input', 'a badge is letters, digits and dashes');
    if (name.length < 1 || name.length > 80) throw new StaffError('invalid-input', 'a name is 1 to 80 characters');
    const { db, clock } = this.options;
    const taken = await db.tx(async (tx) => (await repo.byNumber(tx, input.number)) ?? (input.badge === undefined ? undefined : await repo.byBadge(tx, input.badge)));
    if (taken) throw new StaffError('duplicate', 'that staff number or badge is already in use');

    if (input.pin !== undefined && !isPinShape(input.pin)) throw new StaffError('invalid-input', 'a PIN is 4 to 8 digits');
    const pin = input.pin ?? newPin();
    const staff: Staff = { id: randomUUID(), number: input.number, badge: input.badge ?? null, name, role: input.role, active: true, createdAt: clock.now().toISOString() };
    const created = this.audit.entry({ ...by, action: 'staff-created', outcome: 'ok', detail: { staffId: staff.id, number: staff.number, role: staff.role } });
    try {
      await db.write([repo.insert({ ...staff, pinHash: await hashPin(pin) }), created]);
    } catch (err) {
      // Lost a race with another create for the same number or badge.
      if (/UNIQUE constraint failed/.test(String(err))) throw new StaffError('duplicate', 'that staff number or badge is already in use');
      throw err;
    }
    return { staff, pin };
  }

  list(): Promise<Staff[]> {
    return this.options.db.tx((tx) => repo.list(tx));
  }

  async setActive(id: string, active: boolean, by: ChangedBy = { actor: null }): Promise<Staff> {
    const { db } = this.options;
    const found = await db.tx((tx) => repo.byId(tx, id));
    if (!found) throw new StaffError('not-found', 'no such staff member');
    const action = active ? 'staff-activated' : 'staff-deactivated';
    await db.write([repo.setActive(id, active), this.audit.entry({ ...by, action, outcome: 'ok', detail: { staffId: id } })]);
    return { ...repo.publicView(found), active };
  }

  /**
   * Signs a staff member in by number or badge, and PIN. An unknown number, an inactive staff
   * member and a wrong PIN all answer 'invalid' after the same scrypt work, so neither the answer
   * nor its timing tells a guesser which numbers exist. A lock answers 'locked' even to the right PIN.
   */
  async authenticate(input: { number?: string; badge?: string; pin: string; deviceId: string }): Promise<SignIn> {
    const { db, clock } = this.options;
    const now = clock.now();
    const method: AuditMethod = input.badge !== undefined ? 'badge+pin' : 'pin';
    const staff = await db.tx((tx) => this.find(tx, input));
    const verified = await verifyPin(input.pin, staff?.pinHash ?? (await this.dummyHash));
    const pinMatches = verified && isPinShape(input.pin);
    const known = staff !== undefined && staff.active;
    const locked = known && staff.lockedUntil !== null && staff.lockedUntil > now.toISOString();
    // An unknown number locks just like a known one, or 'locked' would tell a guesser which numbers exist.
    const phantomLocked = !known && this.phantoms.fail(`${input.number ?? ''}|${input.badge ?? ''}`, now.getTime());
    // While locked every PIN gets the same answer, or the lock would tell a guesser when they hit it.
    const outcome = !known ? (phantomLocked ? 'locked' : 'invalid') : locked ? 'locked' : pinMatches ? 'ok' : 'invalid';

    const attempt = { action: 'sign-in', deviceId: input.deviceId, method, outcome };
    if (outcome === 'ok') {
      await db.write([repo.recordSuccess(staff!.id), this.audit.entry({ ...attempt, actor: staff!.id })]);
    } else if (!known) {
      await this.audit.record({ ...attempt, actor: null, detail: input.number !== undefined ? { number: input.number.slice(0, 32) } : undefined });
    } else if (locked) {
      await this.audit.record({ ...attempt, actor: staff.id, detail: { lockedUntil: staff.lockedUntil, pinMatched: pinMatches } });
    } else {
      const lockUntil = new Date(now.getTime() + this.options.lockoutSeconds * 1000).toISOString();
      const locks = staff.failedAttempts + 1 >= this.options.maxFailures;
      await db.write([
        repo.recordFailure(staff.id, this.options.maxFailures, lockUntil),
        this.audit.entry({ ...attempt, actor: staff.id, detail: { failures: staff.failedAttempts + 1, ...(locks ? { lockedUntil: lockUntil } : {}) } }),
      ]);
    }

    // Any refused attempt counts against the device, the right PIN while locked too, so the delay
    // cannot tell a guesser which of their PINs was right either.
    await this.slowGuessingDevice(input.deviceId, now.getTime(), outcome === 'ok');
    return outcome === 'ok' ? { ok: true, staff: repo.publicView(staff!) } : { ok: false, reason: outcome === 'locked' ? 'locked' : 'invalid' };
  }

  /**
   * A badge alone, where the store lets a badge open the staff menu at a lane. An unknown, inactive or
   * locked badge answers 'invalid' and counts against the device like a wrong PIN.
   */
  async authenticateBadge(input: { badge: string; deviceId: string }): Promise<SignIn> {
    const { db, clock } = this.options;
    const now = clock.now();
    const staff = await db.tx((tx) => this.find(tx, { badge: input.badge }));
    const ok = staff !== undefined && staff.active && !(staff.lockedUntil !== null && staff.lockedUntil > now.toISOString());
    await this.audit.record({ action: 'sign-in', deviceId: input.deviceId, method: 'badge', outcome: ok ? 'ok' : 'invalid', actor: staff?.id ?? null });
    await this.slowGuessingDevice(input.deviceId, now.getTime(), ok);
    return ok ? { ok: true, staff: repo.publicView(staff) } : { ok: false, reason: 'invalid' };
  }

  recordSignOut(staffId: string, deviceId: string): Promise<void> {
    return this.audit.record({ actor: staffId, action: 'sign-out', deviceId, outcome: 'ok' });
  }

  async byId(id: string): Promise<Staff | undefined> {
    const found = await this.options.db.tx((tx) => repo.byId(tx, id));
    return found && repo.publicView(found);
  }

  /** A new PIN for a staff member (forgotten, or seen by someone); returned this once. */
  async resetPin(id: string, by: ChangedBy = { actor: null }): Promise<string> {
    const { db } = this.options;
    const found = await db.tx((tx) => repo.byId(tx, id));
    if (!found) throw new StaffError('not-found', 'no such staff member');
    const pin = newPin();
    await db.write([repo.setPin(id, await hashPin(pin)), this.audit.entry({ ...by, action: 'staff-pin-reset', outcome: 'ok', detail: { staffId: id } })]);
    return pin;
  }

  private find(tx: Parameters<typeof repo.byNumber>[0], input: { number?: string; badge?: string }): Promise<StaffCredentials | undefined> {
    if (input.badge !== undefined) return BADGE.test(input.badge) ? repo.byBadge(tx, input.badge) : Promise.resolve(undefined);
    if (input.number !== undefined) return NUMBER.test(input.number) ? repo.byNumber(tx, input.number) : Promise.resolve(undefined);
    return Promise.resolve(undefined);
  }

  /**
   * After three wrong PINs within ten minutes a device waits 1, 2, 4, then 8 seconds per answer. It
   * waits for right answers too, so a guesser cannot tell a miss by how soon it comes back.
   */
  private async slowGuessingDevice(deviceId: string, now: number, succeeded: boolean): Promise<void> {
    if (this.deviceFailures.size > MAX_TRACKED_DEVICES) this.forgetOldFailures(now);
    const recent = (this.deviceFailures.get(deviceId) ?? []).filter((t) => now - t < DEVICE_WINDOW_MS);
    if (!succeeded) recent.push(now);
    if (recent.length > MAX_REMEMBERED_FAILURES) recent.shift();
    if (succeeded) this.deviceFailures.delete(deviceId);
    else this.deviceFailures.set(deviceId, recent);
    if (recent.length < DEVICE_FREE_FAILURES) return;
    const base = this.options.guessDelayMs ?? 1000;
    await this.sleep(base * 2 ** Math.min(recent.length - DEVICE_FREE_FAILURES, DEVICE_MAX_DOUBLINGS));
  }

  private forgetOldFailures(now: number): void {
    for (const [device, times] of this.deviceFailures) {
      if (times.every((t) => now - t >= DEVICE_WINDOW_MS)) this.deviceFailures.delete(device);
    }
  }
}

/**
 * Failures and locks for staff numbers (or badges) that do not exist, in memory: they behave like a
 * real staff member's count, so a guesser cannot tell a real number by its lock. Bounded in size.
 */
class PhantomLocks {
  private readonly entries = new Map<string, { failures: number; lockedUntil: number }>();

  constructor(
    private readonly maxFailures: number,
    private readonly lockMs: number,
  ) {}

  /** Counts one more wrong attempt at `id`; true when it is locked (before or by this attempt's count). */
  fail(id: string, now: number): boolean {
    const e = this.entries.get(id) ?? { failures: 0, lockedUntil: 0 };
    if (e.lockedUntil > now) return true;
    e.failures += 1;
    if (e.failures >= this.maxFailures) {
      e.failures = 0;
      e.lockedUntil = now + this.lockMs;
    }
    if (!this.entries.has(id) && this.entries.size >= MAX_TRACKED_DEVICES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(id, e);
    return false;
  }
}
