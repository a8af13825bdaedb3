// A paired screen that watches the open orders (the kitchen display, the order-status board): its connection and its feed.
import type { LaneSnapshot } from '@selfserve/shared';
import { type HubConnectionHooks, type HubSocket, useHubConnection } from '@selfserve/ui';
import { shallowRef } from 'vue';
import { useOrdersFeed } from './feed.js';
import { type Answer, ordersRequest } from './request.js';

export type WatchProblem = Extract<Answer<unknown>, { ok: false }>;

/** For a Pinia setup store; `hooks` adds what this kind of screen asks for and listens to besides the orders. */
export function useOrdersScreen(hooks: Partial<HubConnectionHooks> = {}) {
  const feed = useOrdersFeed();
  /** Why the hub would not give this screen the orders (e.g. it is paired as another kind of device). */
  const watchProblem = shallowRef<WatchProblem | null>(null);

  async function watch(s: HubSocket): Promise<void> {
    const r = await ordersRequest(s, 'orders:watch', {});
    if (r.ok) feed.load(r.data);
    // No answer: the next reconnect asks again; the orders shown stay until then.
    watchProblem.value = r.ok || r.code === 'no-answer' || r.code === 'offline' ? null : r;
  }

  const connection = useHubConnection({
    connected(s) {
      void watch(s);
      hooks.connected?.(s);
    },
    listen(s) {
      s.on('order:update', feed.take);
      hooks.listen?.(s);
    },
  });

  // useDeviceLane reads a lane's snapshot and hello; these screens have no lane, so useFormat falls back to the store's currency.
  const snapshot: LaneSnapshot | null = null;
  return { ...connection, ...feed, snapshot, watchProblem };
}
