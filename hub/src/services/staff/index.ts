/** Staff, sign-in and the audit log: the one entry the rest of the hub imports. */
export { StaffService, StaffError, type StaffServiceOptions, type SignIn, type ChangedBy, type StaffErrorCode } from './staff.service.js';
export { AuditService, auditStatement, toCsv, MAX_AUDIT_ROWS, type AuditEntry, type AuditMethod } from './audit.service.js';
export { hashPin, verifyPin, newPin, isPinShape, PIN_PATTERN } from './pin.js';
export type { Staff, StaffRole } from '../../storage/staff.repository.js';
export type { AuditRow, AuditFilter } from '../../storage/audit.repository.js';
