// The station's Counter tab: the open orders (watched beside the lanes), the order open at the counter, and paying, handing out or cancelling it.
import type { OrderView } from '@selfserve/shared';
import { type HubSocket, newIdempotencyKey } from '@selfserve/ui';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import { useOrdersFeed } from '../../kitchen/orders/feed.js';
import { ordersIn } from '../../kitchen/orders/orders.js';
import { laneList } from '../logic/lanes.js';
import { useStationStore } from '../store/station.js';
import type { Outcome } from '../store/outcome.js';
import { counterLanes, pickLane } from './logic.js';

const LANE_KEY = 'selfserve.station.counterLane';
const readChosen = (): string | null => {
  try {
    return window.localStorage.getItem(LANE_KEY);
  } catch {
    return null;
  }
};

export const useCounterStore = defineStore('counter', () => {
  const station = useStationStore();
  const feed = useOrdersFeed();
  const selectedId = ref<string | null>(null);
  /** The order counter:find answered, for one the feed does not hold (yet). */
  const found = shallowRef<OrderView | null>(null);
  const chosenLane = ref<string | null>(readChosen());
  /** The order this station last started a card payment for, and the key of a payment request still unanswered. */
  const cardFor = ref<string | null>(null);
  let retry: { orderId: string; method: 'card' | 'cash'; key: string } | null = null;

  const lanes = computed(() => counterLanes(laneList(station.lanes)));
  const lane = computed(() => pickLane(lanes.value, chosenLane.value));
  const awaiting = computed(() => ordersIn(feed.orders.value, 'awaiting-payment'));
  const ready = computed(() => ordersIn(feed.orders.value, 'ready'));
  /** The tab shows where there is a counter to pay at, or orders waiting to be paid. */
  const available = computed(() => lanes.value.length > 0 || awaiting.value.length > 0);
  const selected = computed(() => {
    const id = selectedId.value;
    if (id === null) return null;
    return feed.orders.value[id] ?? (found.value?.id === id ? found.value : null);
  });

  function take(order: OrderView): void {
    feed.take(order);
    // The order open here stays on screen once closed (cancelled, handed out), saying so, until staff move on.
    if (found.value?.id === order.id || selectedId.value === order.id) found.value = order;
  }

  // The hub ties the watch to a connection and a session: watch again after every staff:watch the station makes.
  watch(() => station.watched, () => void watchOrders(), { immediate: station.watched > 0 });
  watch(() => station.watching, (w) => w || clear());
  let listening: HubSocket | null = null;
  watch(() => station.socket, (s) => {
    if (!s || s === listening) return;
    s.on('order:update', take);
    listening = s;
  }, { immediate: true });

  async function watchOrders(): Promise<void> {
    const r = await station.send('orders:watch', {});
    if (r.ok) feed.load(r.data);
  }

  function clear(): void {
    feed.clear();
    selectedId.value = null;
    found.value = null;
  }

  function chooseLane(laneId: string): void {
    chosenLane.value = laneId;
    try {
      window.localStorage.setItem(LANE_KEY, laneId);
    } catch {
      // Not remembered across reloads; the choice still holds now.
    }
  }

  async function find(number: number): Promise<Outcome<OrderView>> {
    const r = await station.send('counter:find', { number });
    if (r.ok) {
      found.value = r.data;
      selectedId.value = r.data.id;
    }
    return r;
  }

  /** A request that got no answer is sent again with its key, so the hub does it at most once. */
  async function pay(order: OrderView, method: 'card' | 'cash'): Promise<Outcome<unknown>> {
    const laneId = lane.value?.laneId;
    if (!laneId) return { ok: false, code: 'not-allowed' };
    const key = retry?.orderId === order.id && retry.method === method ? retry.key : newIdempotencyKey();
    if (method === 'card') cardFor.value = order.id;
    const r = await station.send('counter:pay', { key, laneId, orderId: order.id, method });
    retry = !r.ok && (r.code === 'no-answer' || r.code === 'offline') ? { orderId: order.id, method, key } : null;
    return r;
  }

  async function release(): Promise<Outcome<unknown>> {
    const laneId = lane.value?.laneId;
    if (!laneId) return { ok: false, code: 'not-allowed' };
    const r = await station.send('counter:release', { key: newIdempotencyKey(), laneId });
    if (r.ok) cardFor.value = null;
    return r;
  }

  async function close(order: OrderView, how: 'order:handOver' | 'order:cancel'): Promise<Outcome<OrderView>> {
    const r = await station.send(how, { orderId: order.id });
    if (r.ok) take(r.data);
    return r;
  }

  const select = (id: string | null) => (selectedId.value = id);
  return { orders: feed.orders, loaded: feed.loaded, lanes, lane, awaiting, ready, available, selected, cardFor, select, chooseLane, find, pay, release, close };
});
