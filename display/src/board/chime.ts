// The board's "your order is ready" chime (Web Audio): three soft rising notes, silent where audio is unavailable or blocked.

let context: AudioContext | null = null;

/** Creates (or wakes) the audio context. A browser without autoplay permission keeps it suspended until a tap. */
export function primeAudio(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume().catch(() => {});
  } catch {
    context = null;
  }
}

/** Whether a chime would be heard now; false while the browser blocks sound until someone taps the screen. */
export const audioRunning = (): boolean => context?.state === 'running';

/** About 0.7 s, a doorbell rather than an alarm: noticeable in a busy restaurant, not startling. */
export function readyChime(): void {
  try {
    primeAudio();
    if (!context) return;
    const start = context.currentTime;
    for (const [i, freq] of [523.25, 659.25, 783.99].entries()) {
      const at = start + i * 0.16;
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.45);
      osc.connect(gain).connect(context.destination);
      osc.start(at);
      osc.stop(at + 0.5);
    }
  } catch {
    // No sound output: the highlight and the announcement still say it.
  }
}
