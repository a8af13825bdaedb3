// Ends a staff session left alone: no touch or key on the kiosk for the session's idle time.

const ACTIVITY = ['pointerdown', 'keydown'] as const;

/**
 * Calls `onIdle` once after `ms` without a touch or key on `target` (the window); every touch starts the
 * wait again. Returns the function that stops watching.
 */
export function watchIdle(target: EventTarget, ms: number, onIdle: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(onIdle, ms);
  };
  const opts = { capture: true, passive: true } as const;
  for (const e of ACTIVITY) target.addEventListener(e, restart, opts);
  restart();
  return () => {
    clearTimeout(timer);
    for (const e of ACTIVITY) target.removeEventListener(e, restart, opts);
  };
}
