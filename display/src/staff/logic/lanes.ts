// The station's lanes by id: the overview from staff:watch, then live snapshots (newest version wins) and presence.
import type { LaneOverview, LanePresence, LaneSnapshot } from '@selfserve/shared';

export type LaneMap = Readonly<Record<string, LaneOverview>>;

export const fromOverview = (lanes: readonly LaneOverview[]): LaneMap => Object.fromEntries(lanes.map((l) => [l.laneId, l]));

/**
 * The map with `snap` taken in, unless an older version arrives late. A lane the overview did not list
 * (added to the hub since) is kept under its id until the next watch names it.
 */
export function withSnapshot(lanes: LaneMap, snap: LaneSnapshot): LaneMap {
  const lane = lanes[snap.laneId];
  if (lane && snap.version < lane.snapshot.version) return lanes;
  const next: LaneOverview = lane ? { ...lane, snapshot: snap } : { laneId: snap.laneId, name: snap.laneId, mode: 'checkout', online: true, snapshot: snap };
  return { ...lanes, [snap.laneId]: next };
}

export function withPresence(lanes: LaneMap, p: LanePresence): LaneMap {
  const lane = lanes[p.laneId];
  if (!lane || lane.online === p.online) return lanes;
  return { ...lanes, [p.laneId]: { ...lane, online: p.online } };
}

/** The lanes in the order a person reads them: by name, "Lane 2" before "Lane 10". */
export const laneList = (lanes: LaneMap): LaneOverview[] =>
  Object.values(lanes).sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
