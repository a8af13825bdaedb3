/** Staff members and their sign-in state; the PIN is kept only as a scrypt hash. */
import type { StaffMember, StaffRole } from '@selfserve/shared';
import type { Statement, Tx } from './db.js';

export type { StaffRole };

/** A staff member as the rest of the hub sees one: never with the PIN hash (the protocol's StaffMember). */
export type Staff = StaffMember;

/** What sign-in needs besides the staff member: the hash and the failure state. */
export interface StaffCredentials extends Staff {
  pinHash: string;
  failedAttempts: number;
  lockedUntil: string | null;
}

type Raw = Omit<StaffCredentials, 'active'> & { active: number };

const COLUMNS = `id, number, badge, name, role, active, created_at AS createdAt,
  pin_hash AS pinHash, failed_attempts AS failedAttempts, locked_until AS lockedUntil`;

const credentials = (r: Raw | undefined): StaffCredentials | undefined => r && { ...r, active: r.active === 1 };

const publicView = ({ pinHash: _h, failedAttempts: _f, lockedUntil: _l, ...staff }: StaffCredentials): Staff => staff;

export const staffRepository = {
  publicView,

  async byNumber(tx: Tx, number: string): Promise<StaffCredentials | undefined> {
    return credentials(await tx.get<Raw>(`SELECT ${COLUMNS} FROM staff WHERE number = ?`, [number]));
  },

  async byBadge(tx: Tx, badge: string): Promise<StaffCredentials | undefined> {
    return credentials(await tx.get<Raw>(`SELECT ${COLUMNS} FROM staff WHERE badge = ?`, [badge]));
  },

  async byId(tx: Tx, id: string): Promise<StaffCredentials | undefined> {
    return credentials(await tx.get<Raw>(`SELECT ${COLUMNS} FROM staff WHERE id = ?`, [id]));
  },

  async list(tx: Tx): Promise<Staff[]> {
    const rows = await tx.all<Raw>(`SELECT ${COLUMNS} FROM staff ORDER BY number`);
    return rows.map((r) => publicView(credentials(r)!));
  },

  async countActive(tx: Tx, role: StaffRole): Promise<number> {
    return (await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM staff WHERE role = ? AND active = 1', [role]))?.n ?? 0;
  },

  insert: (s: Staff & { pinHash: string }): Statement => ({
    sql: 'INSERT INTO staff (id, number, badge, name, role, pin_hash, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    params: [s.id, s.number, s.badge, s.name, s.role, s.pinHash, s.active ? 1 : 0, s.createdAt],
  }),

  setActive: (id: string, active: boolean): Statement => ({ sql: 'UPDATE staff SET active = ? WHERE id = ?', params: [active ? 1 : 0, id] }),

  /**
   * One more wrong PIN, counted in SQL so two attempts at once cannot both read the old count. The
   * one that reaches `maxFailures` locks until `lockUntil` and starts the count again from zero, so
   * the lock itself is what holds the staff member back, and after it they have the full allowance.
   */
  recordFailure: (id: string, maxFailures: number, lockUntil: string): Statement => ({
    sql: `UPDATE staff SET
      locked_until = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END,
      failed_attempts = CASE WHEN failed_attempts + 1 >= ? THEN 0 ELSE failed_attempts + 1 END
      WHERE id = ?`,
    params: [maxFailures, lockUntil, maxFailures, id],
  }),

  setPin: (id: string, pinHash: string): Statement => ({ sql: 'UPDATE staff SET pin_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?', params: [pinHash, id] }),

  recordSuccess: (id: string): Statement => ({ sql: 'UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?', params: [id] }),
};
