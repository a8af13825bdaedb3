// A short confirmation beep made with WebAudio (no sound file); silent where audio is unavailable.
import { primeAudio } from '@selfserve/ui';

/** About 80 ms at 1.8 kHz, like a hand scanner; fades out so it does not click. */
export function beep(): void {
  try {
    const context = primeAudio();
    if (!context) return;
    const now = context.currentTime;
    const osc = context.createOscillator();
    const gain = context.createGain();
    osc.type = 'square';
    osc.frequency.value = 1800;
    gain.gain.setValueAtTime(0.08, now);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + 0.08);
    osc.connect(gain).connect(context.destination);
    osc.start(now);
    osc.stop(now + 0.09);
  } catch {
    // No audio output is no reason to lose a scan.
  }
}
