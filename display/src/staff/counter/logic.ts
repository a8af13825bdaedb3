// What the counter lane's snapshot says about paying one order by card, and which counter lane the station uses.
import type { LaneOverview, LanePaymentState } from '@selfserve/shared';

/**
 * free: the terminal is not paying anything (or paid this order already); busy: it is paying another order;
 * otherwise the card payment's state for this order, as the counter lane's snapshot says it.
 */
export type CardPhase = { kind: 'free' } | { kind: 'busy'; number: number | null } | { kind: 'paying'; state: LanePaymentState; reason: string | null };

/** Payment states after which staff may try the card again or let the order go. */
export const REFUSED: readonly LanePaymentState[] = ['declined', 'cancelled', 'failed'];

/**
 * `startedFor`: the order this station last started a card payment for, in case the lane's snapshot does
 * not name its order. The lane holds an order from counter:pay until it is paid or released.
 */
export function cardPhase(lane: LaneOverview | null, orderId: string, startedFor: string | null): CardPhase {
  const snap = lane?.snapshot;
  if (!snap || snap.status !== 'payment') return { kind: 'free' };
  const holding = snap.order ? snap.order.id : startedFor;
  if (holding !== orderId) return { kind: 'busy', number: snap.order?.number ?? null };
  if (!snap.payment) return { kind: 'paying', state: 'waiting', reason: null };
  return { kind: 'paying', state: snap.payment.state, reason: snap.payment.reason };
}

/** The counter lanes of the station's overview, by name. */
export const counterLanes = (lanes: readonly LaneOverview[]): LaneOverview[] => lanes.filter((l) => l.mode === 'counter');

/** The counter lane in use: the one chosen here before if it still exists, else the first. */
export const pickLane = (lanes: readonly LaneOverview[], chosen: string | null): LaneOverview | null =>
  lanes.find((l) => l.laneId === chosen) ?? lanes[0] ?? null;
