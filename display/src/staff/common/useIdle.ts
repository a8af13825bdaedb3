// Calls `onIdle` after `seconds()` without a key, click or touch on the page; any input starts the count again
// and calls `onActive`.
import { onMounted, onUnmounted } from 'vue';

const EVENTS = ['pointerdown', 'keydown', 'wheel'] as const;

export function useIdle(seconds: () => number | null, onIdle: () => void, onActive: () => void = () => {}): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const start = () => {
    clearTimeout(timer);
    const s = seconds();
    if (s !== null && s > 0) timer = setTimeout(onIdle, s * 1000);
  };
  const restart = () => {
    start();
    onActive();
  };
  const opts = { capture: true, passive: true } as const;
  onMounted(() => {
    for (const e of EVENTS) window.addEventListener(e, restart, opts);
    start();
  });
  onUnmounted(() => {
    for (const e of EVENTS) window.removeEventListener(e, restart, opts);
    clearTimeout(timer);
  });
}
