// The station's queue: every lane's live interventions, oldest first, and how long each has waited.
import type { Intervention, LaneSnapshot } from '@selfserve/shared';

export interface QueueItem {
  /** Unique across lanes. */
  key: string;
  laneId: string;
  laneName: string;
  intervention: Intervention;
}

interface QueueLane {
  laneId: string;
  name: string;
  snapshot: Pick<LaneSnapshot, 'interventions'>;
}

const opened = (i: Intervention) => Date.parse(i.openedAt) || 0;

export function pendingQueue(lanes: readonly QueueLane[]): QueueItem[] {
  const items = lanes.flatMap((l) =>
    l.snapshot.interventions.map((intervention) => ({ key: `${l.laneId}/${intervention.id}`, laneId: l.laneId, laneName: l.name, intervention })),
  );
  // Equal times (one snapshot opening two) keep a stable order by lane and id.
  return items.sort((a, b) => opened(a.intervention) - opened(b.intervention) || a.laneName.localeCompare(b.laneName) || a.key.localeCompare(b.key));
}

/** Whole minutes since `since` (ISO), never negative: a station clock a little behind the hub's says 0. */
export function minutesSince(since: string, now: number): number {
  const ms = now - (Date.parse(since) || now);
  return Math.max(0, Math.floor(ms / 60_000));
}

/** The items not seen before, in queue order: what the chime and the announcement are for. */
export function arrivals(seen: ReadonlySet<string>, queue: readonly QueueItem[]): QueueItem[] {
  return queue.filter((q) => !seen.has(q.key));
}
