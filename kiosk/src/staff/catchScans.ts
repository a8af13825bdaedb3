// Scans while staff work at the lane: a wedge scanner's code taken by what staff have open (a receipt at a return), not the basket.
import { createWedgeDetector } from '../scanner/wedge.js';

/**
 * Hears every key on `target` in the capture phase and, when a scanner's burst ends and `take` accepts its code,
 * stops the burst's Enter there: neither the page's own scanner listener (which would send the code to the basket)
 * nor a focused form sees it. Listeners on one target run in the order they were added, so this must be added
 * before the page's (the staff store does it when the page's setup first uses it, before the page mounts).
 */
export function catchScans(target: Pick<Window, 'addEventListener' | 'removeEventListener'>, take: (code: string) => boolean): () => void {
  const detect = createWedgeDetector();
  const onKey = (e: KeyboardEvent) => {
    if (e.isComposing) return;
    const result = detect(e.key, e.timeStamp);
    if (result.kind !== 'scan' || !take(result.code)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  target.addEventListener('keydown', onKey, { capture: true });
  return () => target.removeEventListener('keydown', onKey, { capture: true });
}
