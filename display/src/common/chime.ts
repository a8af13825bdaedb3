// The displays' chimes (Web Audio): a few soft rising sine notes, silent where audio is unavailable or blocked.
import { primeAudio } from '@selfserve/ui';

/** Notes `gap` seconds apart, each rising in 20 ms to `peak` and fading out by `fade`, stopped at `stop` (seconds from its start). */
interface Notes {
  freqs: readonly number[];
  gap: number;
  peak: number;
  fade: number;
  stop: number;
}

function play({ freqs, gap, peak, fade, stop }: Notes): void {
  try {
    const context = primeAudio();
    if (!context) return;
    const start = context.currentTime;
    for (const [i, freq] of freqs.entries()) {
      const at = start + i * gap;
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(peak, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + fade);
      osc.connect(gain).connect(context.destination);
      osc.start(at);
      osc.stop(at + stop);
    }
  } catch {
    // No sound output: the screen and its announcement still say it.
  }
}

/** The board's "your order is ready": three notes, about 0.7 s, a doorbell rather than an alarm in a busy restaurant. */
export const readyChime = (): void => play({ freqs: [523.25, 659.25, 783.99], gap: 0.16, peak: 0.25, fade: 0.45, stop: 0.5 });

/** The station's "someone needs help": two notes, about 0.4 s, noticeable across a shop floor, not an alarm. */
export const interventionChime = (): void => play({ freqs: [660, 880], gap: 0.18, peak: 0.2, fade: 0.22, stop: 0.25 });
