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
 * The counter lane holds an order's basket from counter:pay until it is paid or let go: while it does, its
 * snapshot has a visit and is scanning (a refused card goes back there, its payment still shown) or paying.
 * The snapshot names the order only once paid, so `startedFor`, the order this station last started a
 * card payment for, says which order it is.
 */
export function cardPhase(lane: LaneOverview | null, orderId: string, startedFor: string | null): CardPhase {
  const snap = lane?.snapshot;
  if (!snap || snap.visitId === null || (snap.status !== 'scanning' && snap.status !== 'payment')) return { kind: 'free' };
  const holding = snap.order?.id ?? startedFor;
  if (holding !== orderId) return { kind: 'busy', number: snap.order?.number ?? null };
  if (!snap.payment) return snap.status === 'payment' ? { kind: 'paying', state: 'waiting', reason: null } : { kind: 'free' };
  return { kind: 'paying', state: snap.payment.state, reason: snap.payment.reason };
}

/** The counter lanes of the station's overview, by name. */
export const counterLanes = (lanes: readonly LaneOverview[]): LaneOverview[] => lanes.filter((l) => l.mode === 'counter');

/** The counter lane in use: the one chosen here before if it still exists, else the first. */
export const pickLane = (lanes: readonly LaneOverview[], chosen: string | null): LaneOverview | null =>
  lanes.find((l) => l.laneId === chosen) ?? lanes[0] ?? null;
