// Chimes and announces each intervention that arrives after the station first saw the queue.
import { nextTick, ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { useSoundStore } from '../common/sound.js';
import { arrivals } from '../logic/queue.js';
import { useStationStore } from '../store/station.js';

/** The text of the station's live region: the latest arrivals, read out by a screen reader. */
export function useArrivalAlerts() {
  const { t } = useI18n();
  const station = useStationStore();
  const sound = useSoundStore();
  const announcement = ref('');
  // null until the hub's first overview: what was waiting at sign-in is shown, not rung in.
  let seen: Set<string> | null = null;

  watch(
    () => [station.watching, station.queue] as const,
    ([watching, queue]) => {
      if (!watching) {
        seen = null;
        return;
      }
      const fresh = seen ? arrivals(seen, queue) : [];
      seen = new Set(queue.map((q) => q.key));
      if (fresh.length === 0) return;
      sound.alert();
      const text = fresh.map((q) => t('station.queue.arrived', { lane: q.laneName, reason: t(`station.reason.${q.intervention.reason}`) })).join('. ');
      // Emptied first, so a second call from the same lane, with the same words, is read out again.
      announcement.value = '';
      void nextTick(() => (announcement.value = text));
    },
    { immediate: true },
  );
  return announcement;
}
