// Which screen the ordering kiosk shows, from the hub's lane status and this guest's start (pure).
import type { DiningOption, LaneStatus } from '@selfserve/shared';

/** dining: eat in or take away; ordering: menu, item pages, basket; payment: the terminal has it; done: the order number. */
export type OrderScreen = 'closed' | 'attract' | 'dining' | 'ordering' | 'payment' | 'done';

export interface OrderVisitView {
  /** null until the first snapshot arrives. */
  status: LaneStatus | null;
  lines: number;
  dining: DiningOption | null;
  /** The guest touched the attract screen; the hub knows of the visit only once they choose. */
  started: boolean;
  /** This guest chose eat in or take away on this screen (a dining choice the hub kept from before does not count). */
  chose: boolean;
}

export function orderScreenFor(v: OrderVisitView): OrderScreen {
  if (v.status === 'closed') return 'closed';
  if (v.status === 'payment') return 'payment';
  if (v.status === 'paid' || v.status === 'finished') return 'done';
  if (v.status === null || v.status === 'cancelled') return 'attract';
  if (v.status === 'idle' && v.lines === 0 && !v.started) return 'attract';
  // After a reload (not started here) the hub's dining choice is this guest's.
  const diningKnown = v.chose || (!v.started && v.dining !== null);
  return v.lines === 0 && !diningKnown ? 'dining' : 'ordering';
}
