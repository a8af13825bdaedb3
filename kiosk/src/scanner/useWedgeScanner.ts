// Listens for a wedge scanner's bursts anywhere on the page, so a scan never "presses" a focused button.
import { onMounted, onUnmounted } from 'vue';
import { createWedgeDetector } from './wedge.js';

export function useWedgeScanner(onScan: (code: string) => void): void {
  const detect = createWedgeDetector();
  const onKey = (e: KeyboardEvent) => {
    if (e.isComposing) return;
    // The event's own timestamp, not the time we handle it: a busy page must not merge or split bursts.
    const result = detect(e.key, e.timeStamp);
    if (result.kind !== 'scan') return;
    // The burst's Enter would submit a form or click a focused button: the scan replaces it.
    e.preventDefault();
    e.stopPropagation();
    onScan(result.code);
  };
  onMounted(() => window.addEventListener('keydown', onKey, { capture: true }));
  onUnmounted(() => window.removeEventListener('keydown', onKey, { capture: true }));
}
