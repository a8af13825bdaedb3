/**
 * Each paying lane's basket as priced when its payment started (the sale's own record): a new price
 * list or a promotion ending never changes a basket while the terminal charges it, nor after a restart.
 */
import type { LaneSnapshot } from '@selfserve/shared';
import type { Tx } from '../../storage/db.js';
import type { LaneRow } from '../../storage/lanes.repository.js';
import { salesRepository } from '../../storage/sales.repository.js';
import { withLane } from './snapshot.js';

/** Statuses in which the basket is being (or was just) paid. */
const PAYING = new Set(['payment', 'paid', 'finished']);

export class PaidBaskets {
  private readonly baskets = new Map<string, LaneSnapshot>();

  /** The lane's snapshot from the basket its payment started with, or undefined when it is priced live. */
  snapshot(lane: LaneRow): LaneSnapshot | undefined {
    const basket = PAYING.has(lane.status) ? this.baskets.get(lane.id) : undefined;
    return basket && basket.visitId === lane.visitId ? withLane(basket, lane) : undefined;
  }

  /** A payment starts with this basket (the one its sale records). */
  started(laneId: string, basket: LaneSnapshot): void {
    this.baskets.set(laneId, basket);
  }

  /** A lane loaded in the middle of a payment (after a restart) takes its basket from the sale. */
  async restore(tx: Tx, lane: LaneRow): Promise<void> {
    if (!PAYING.has(lane.status) || !lane.payment) return;
    const basket = await salesRepository.basket(tx, lane.payment.saleId);
    if (basket) this.baskets.set(lane.id, basket);
  }
}
