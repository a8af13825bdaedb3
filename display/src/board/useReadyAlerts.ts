// Notices numbers that move to Ready after the board first showed them: highlights them a while, chimes, and announces them.
import type { OrderView } from '@selfserve/shared';
import { audioRunning, primeAudio } from '@selfserve/ui';
import { type Ref, nextTick, onUnmounted, ref, shallowRef, watch } from 'vue';
import { readyChime } from '../common/chime.js';
import { readyAnnouncement } from './texts.js';

/** How long a number that just became ready stands out. */
const FRESH_MS = 15_000;

/** `loaded`: whether the list is the hub's yet; what was ready when the board opened is shown, not rung in. */
export function useReadyAlerts(ready: Readonly<Ref<OrderView[]>>, loaded: () => boolean) {
  const fresh = shallowRef<ReadonlySet<string>>(new Set());
  const announcement = ref('');
  /** How often the board chimed: the browser test reads it, since it cannot listen. */
  const chimes = ref(0);
  /** The browser blocks sound until someone taps the screen (no autoplay permission). */
  const muted = ref(false);
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let seen: Set<string> | null = null;

  primeAudio();
  const check = () => (muted.value = !audioRunning());
  const checkTimer = setTimeout(check, 1000);

  function unmute(): void {
    primeAudio();
    setTimeout(check, 300);
  }

  function highlight(ids: string[]): void {
    fresh.value = new Set([...fresh.value, ...ids]);
    const timer = setTimeout(() => {
      timers.delete(timer);
      fresh.value = new Set([...fresh.value].filter((id) => !ids.includes(id)));
    }, FRESH_MS);
    timers.add(timer);
  }

  watch(
    ready,
    (list) => {
      if (!loaded()) return;
      const arrived = seen ? list.filter((o) => !seen?.has(o.id)) : [];
      seen = new Set(list.map((o) => o.id));
      if (arrived.length === 0) return;
      highlight(arrived.map((o) => o.id));
      chimes.value += 1;
      readyChime();
      check();
      announcement.value = '';
      void nextTick(() => (announcement.value = readyAnnouncement(arrived.map((o) => o.number))));
    },
    { immediate: true },
  );

  onUnmounted(() => {
    clearTimeout(checkTimer);
    for (const timer of timers) clearTimeout(timer);
  });

  return { fresh, announcement, chimes, muted, unmute };
}
