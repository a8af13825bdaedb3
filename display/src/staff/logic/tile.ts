// What a lane's tile at the station says about it, from the hub's snapshot and whether its kiosk is connected.
import type { LaneSnapshot } from '@selfserve/shared';

/** In order of precedence: the first that holds is what the tile shows. */
export const TILE_STATES = ['closed', 'offline', 'needs-staff', 'paying', 'scanning', 'idle'] as const;
export type TileState = (typeof TILE_STATES)[number];

export function tileState(snapshot: Pick<LaneSnapshot, 'status' | 'interventions'>, online: boolean): TileState {
  if (snapshot.status === 'closed') return 'closed';
  if (!online) return 'offline';
  if (snapshot.interventions.length > 0) return 'needs-staff';
  // paid: approved, the receipt is printing; still the payment step for whoever watches.
  if (snapshot.status === 'payment' || snapshot.status === 'paid') return 'paying';
  if (snapshot.status === 'scanning') return 'scanning';
  return 'idle';
}
