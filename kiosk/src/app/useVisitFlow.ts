// The visit around the hub's lane: which screen shows, the reset for the next shopper, the look on <html>.
import { computed, onUnmounted, ref, watch, watchEffect } from 'vue';
import { screenFor } from '../checkout/screen.js';
import { setLanguage, storeLanguage } from '../i18n/index.js';
import { useLaneStore } from '../stores/lane.js';
import { useVisitStore } from '../stores/visit.js';

/** True while the media query matches, e.g. a portrait screen. */
function useMediaQuery(query: string) {
  const list = window.matchMedia(query);
  const matches = ref(list.matches);
  const onChange = (e: MediaQueryListEvent) => (matches.value = e.matches);
  list.addEventListener('change', onChange);
  onUnmounted(() => list.removeEventListener('change', onChange));
  return matches;
}

export function useVisitFlow() {
  const lane = useLaneStore();
  const visit = useVisitStore();
  const language = () => storeLanguage(lane.hello?.store.locale);

  const screen = computed(() =>
    screenFor({ status: lane.snapshot?.status ?? null, lines: lane.snapshot?.lines.length ?? 0, started: visit.started }),
  );

  // Any scan starts the visit, from the attract screen too (wedge, camera or the typed field).
  watch(() => lane.scans, () => visit.start());
  // The hub moves the lane back to idle after the thank-you or a cancel: the next shopper starts afresh.
  watch(
    () => lane.snapshot?.status,
    (now, before) => {
      if (now === 'idle' && before !== undefined && before !== 'idle') visit.reset(language());
    },
  );
  // The store's language, as soon as the hub says which it is, unless a shopper is already under way.
  watch(
    () => lane.hello?.store.locale,
    () => {
      if (screen.value !== 'checkout') setLanguage(language());
    },
  );

  const portrait = useMediaQuery('(orientation: portrait)');
  const lowReach = computed(() => visit.lowReach ?? portrait.value);
  // On the root, since rem sizes follow the root's font size and dialogs render in the top layer.
  watchEffect(() => {
    const c = document.documentElement.classList;
    c.toggle('kiosk--contrast', visit.highContrast);
    c.toggle('kiosk--large-text', visit.textSize === 'large');
    c.toggle('kiosk--low-reach', lowReach.value);
  });

  return { screen, lowReach, start: () => visit.start(), language };
}
