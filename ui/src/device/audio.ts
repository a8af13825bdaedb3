// The page's one Web Audio context for beeps and chimes: created (or woken) on demand, null where there is no audio.

let context: AudioContext | null = null;

/**
 * Creates or wakes the audio context and returns it. Call it from a tap or click too: browsers allow sound only after
 * one, and keep the context suspended until then.
 */
export function primeAudio(): AudioContext | null {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume().catch(() => {});
  } catch {
    context = null;
  }
  return context;
}

/** Whether a sound would be heard now; false while the browser blocks it until someone taps the screen. */
export const audioRunning = (): boolean => context?.state === 'running';
