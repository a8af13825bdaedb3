// The open orders as a screen keeps them, for a Pinia setup store: the overview of orders:watch, then every order:update.
import type { OrdersOverview, OrderView } from '@selfserve/shared';
import { ref, shallowRef } from 'vue';
import { type OrderMap, becameReady, fromOverview, withOrder } from './orders.js';

/** Until the hub's overview says otherwise: amber after 5 minutes in the kitchen, red after 10. */
export const DEFAULT_TIMING: OrdersOverview['timing'] = { warnAfterSeconds: 300, lateAfterSeconds: 600 };

export function useOrdersFeed() {
  const orders = shallowRef<OrderMap>({});
  /** The order bumped to ready last, which the kitchen may recall; null when there is none (or it left). */
  const lastBumped = ref<string | null>(null);
  const timing = shallowRef(DEFAULT_TIMING);
  /** True once an overview arrived: an empty list is then the hub's, not an empty start. */
  const loaded = ref(false);

  /** The hub's answer to orders:watch, after every (re)connect: it replaces whatever was kept. */
  function load(overview: OrdersOverview): void {
    orders.value = fromOverview(overview.orders);
    lastBumped.value = overview.lastBumped;
    timing.value = overview.timing;
    loaded.value = true;
  }

  /**
   * One pushed (or acknowledged) order. Updates before the first overview are dropped: the overview,
   * computed after them, already holds them.
   */
  function take(order: OrderView): void {
    if (!loaded.value) return;
    if (becameReady(orders.value[order.id], order)) lastBumped.value = order.id;
    else if (order.id === lastBumped.value && order.status !== 'ready') lastBumped.value = null;
    orders.value = withOrder(orders.value, order);
  }

  /** Nothing of a signed-out session stays on screen. */
  function clear(): void {
    orders.value = {};
    lastBumped.value = null;
    loaded.value = false;
  }

  return { orders, lastBumped, timing, loaded, load, take, clear };
}
