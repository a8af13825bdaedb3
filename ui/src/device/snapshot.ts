// Which lane snapshot to keep: the newest by version, since acks and pushes can arrive out of order.
import type { LaneSnapshot } from '@selfserve/shared';

/**
 * True when `next` should replace `current`. The first snapshot of a fresh connection is always taken:
 * a restarted hub is the truth even if its counter went back.
 */
export function shouldAccept(current: LaneSnapshot | null, next: LaneSnapshot, freshConnection: boolean): boolean {
  if (freshConnection || current === null) return true;
  if (current.laneId !== next.laneId) return true;
  return next.version >= current.version;
}
