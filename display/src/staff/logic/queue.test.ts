// The intervention queue: oldest first across lanes, waiting time in minutes, and which items are new.
import type { Intervention } from '@selfserve/shared';
import { describe, expect, it } from 'vitest';
import { arrivals, minutesSince, pendingQueue } from './queue.js';

const at = (id: string, openedAt: string): Intervention => ({ id, reason: 'help', blocks: 'lane', state: 'open', openedAt, requestedBy: null, requestedDevice: null, claimedBy: null, claimedAt: null });
const lane = (laneId: string, ...interventions: Intervention[]) => ({ laneId, name: laneId.replace('lane-', 'Lane '), snapshot: { interventions } });

describe('the intervention queue', () => {
  it('lists every lane\'s interventions, the longest waiting first', () => {
    const q = pendingQueue([
      lane('lane-1', at('a', '2025-03-01T08:05:00Z'), at('b', '2025-03-01T08:01:00Z')),
      lane('lane-2', at('c', '2025-03-01T08:03:00Z')),
      lane('lane-3'),
    ]);
    expect(q.map((i) => i.intervention.id)).toEqual(['b', 'c', 'a']);
    expect(q[1]).toMatchObject({ laneId: 'lane-2', laneName: 'Lane 2', key: 'lane-2/c' });
  });

  it('keeps interventions opened at the same moment in lane order', () => {
    const q = pendingQueue([lane('lane-2', at('x', '2025-03-01T08:00:00Z')), lane('lane-1', at('y', '2025-03-01T08:00:00Z'))]);
    expect(q.map((i) => i.laneId)).toEqual(['lane-1', 'lane-2']);
  });

  it('says how many whole minutes an intervention has waited', () => {
    const now = Date.parse('2025-03-01T08:10:30Z');
    expect(minutesSince('2025-03-01T08:10:00Z', now)).toBe(0);
    expect(minutesSince('2025-03-01T08:08:29Z', now)).toBe(2);
    expect(minutesSince('2025-03-01T06:10:30Z', now)).toBe(120);
  });

  it('never says a negative time when the hub\'s clock is ahead of the station\'s', () => {
    expect(minutesSince('2025-03-01T08:11:00Z', Date.parse('2025-03-01T08:10:00Z'))).toBe(0);
  });

  it('finds the items that arrived since the queue was last seen', () => {
    const q = pendingQueue([lane('lane-1', at('a', '2025-03-01T08:00:00Z'), at('b', '2025-03-01T08:02:00Z'))]);
    expect(arrivals(new Set(['lane-1/a']), q).map((i) => i.key)).toEqual(['lane-1/b']);
    expect(arrivals(new Set(['lane-1/a', 'lane-1/b']), q)).toEqual([]);
  });
});
