// Watches the shopper's touches, keys and scans while a visit is open, and ends an abandoned one.
import { computed, onMounted, onUnmounted, shallowRef, watch } from 'vue';
import { storeLanguage } from '../i18n/index.js';
import { useLaneStore } from '../stores/lane.js';
import { useStaffStore } from '../stores/staff.js';
import { useVisitStore } from '../stores/visit.js';
import { type IdleState, type IdleTiming, IDLE_OFF, createIdleTimer, nextDeadline } from './idle.js';
import { idleModeFor } from './screen.js';

/** The hub's defaults, until its hello says otherwise. */
const FALLBACK = { idleSeconds: 90, stillThereSeconds: 30 };

export function useIdleTimeout() {
  const lane = useLaneStore();
  const visit = useVisitStore();
  const staff = useStaffStore();
  const state = shallowRef<IdleState>(IDLE_OFF);

  const timing = (): IdleTiming => {
    const c = lane.hello?.checkout ?? FALLBACK;
    return { idleMs: c.idleSeconds * 1000, stillThereMs: c.stillThereSeconds * 1000 };
  };
  const timer = createIdleTimer(timing, (s) => {
    state.value = s;
    if (s.phase === 'expired') void giveUp();
  });

  /** Nobody answered: an open basket is cancelled (the hub's idle snapshot then resets the visit). */
  async function giveUp(): Promise<void> {
    if (lane.snapshot?.status === 'scanning') await lane.cancel();
    else visit.reset(storeLanguage(lane.hello?.store.locale));
  }

  const mode = computed(() => {
    const s = lane.snapshot;
    return idleModeFor({
      status: s?.status ?? null,
      lines: s?.lines.length ?? 0,
      started: visit.started,
      interventions: s?.interventions.length ?? 0,
      staffAtLane: staff.session !== null,
    });
  });
  watch(mode, (m) => timer.guard(m), { immediate: true });
  watch(() => lane.scans, () => timer.activity());

  const onActivity = () => timer.activity();
  const opts = { capture: true, passive: true } as const;
  onMounted(() => {
    window.addEventListener('pointerdown', onActivity, opts);
    window.addEventListener('keydown', onActivity, opts);
  });
  onUnmounted(() => {
    window.removeEventListener('pointerdown', onActivity, opts);
    window.removeEventListener('keydown', onActivity, opts);
    timer.dispose();
  });

  return {
    /** When asking, the time (ms since epoch) the basket will be cancelled; null otherwise. */
    askingUntil: computed(() => (state.value.phase === 'asking' ? nextDeadline(state.value, timing()) : null)),
    stillHere: () => timer.activity(),
  };
}
