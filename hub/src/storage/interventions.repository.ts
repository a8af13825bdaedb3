/** Every intervention's life, open to resolved or expired; the lane row keeps only the live ones. */
import type { Intervention, InterventionState } from '@selfserve/shared';
import type { Statement, Tx } from './db.js';

export interface InterventionRecord {
  id: string;
  laneId: string;
  visitId: string | null;
  reason: string;
  state: InterventionState;
  data: Intervention;
  requestedBy: string | null;
  requestedDevice: string | null;
  openedAt: string;
  claimedBy: string | null;
  claimedAt: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  outcome: string | null;
  method: string | null;
}

export const interventionsRepository = {
  insert: (i: Intervention, laneId: string, visitId: string | null, requestedDevice: string | null): Statement => ({
    sql: `INSERT INTO interventions (id, lane_id, visit_id, reason, state, data, requested_by, requested_device, opened_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    params: [i.id, laneId, visitId, i.reason, i.state, JSON.stringify(i), i.requestedBy?.staffId ?? null, requestedDevice, i.openedAt],
  }),

  /** The live data changed (a higher age required, a new quantity asked for). */
  update: (i: Intervention): Statement => ({
    sql: 'UPDATE interventions SET data = ? WHERE id = ?',
    params: [JSON.stringify(i), i.id],
  }),

  claim: (id: string, staffId: string, at: string): Statement => ({
    sql: "UPDATE interventions SET state = 'claimed', claimed_by = ?, claimed_at = ? WHERE id = ?",
    params: [staffId, at, id],
  }),

  /** Ends it: resolved by someone (or by the lane itself when it is no longer needed), or expired with its visit. */
  end: (id: string, e: { state: 'resolved' | 'expired'; by: string | null; at: string; outcome: string; method: string | null }): Statement => ({
    sql: 'UPDATE interventions SET state = ?, resolved_by = ?, resolved_at = ?, outcome = ?, method = ? WHERE id = ?',
    params: [e.state, e.by, e.at, e.outcome, e.method, id],
  }),

  async byId(tx: Tx, id: string): Promise<InterventionRecord | undefined> {
    const r = await tx.get<Omit<InterventionRecord, 'data'> & { data: string }>(
      `SELECT id, lane_id AS laneId, visit_id AS visitId, reason, state, data, requested_by AS requestedBy, requested_device AS requestedDevice,
        opened_at AS openedAt, claimed_by AS claimedBy, claimed_at AS claimedAt, resolved_by AS resolvedBy, resolved_at AS resolvedAt, outcome, method
       FROM interventions WHERE id = ?`,
      [id],
    );
    return r && { ...r, data: JSON.parse(r.data) as Intervention };
  },
};
