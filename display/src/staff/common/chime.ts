// A short two-note chime made with WebAudio when an intervention arrives; silent where audio is unavailable.

let context: AudioContext | null = null;

/** Creates (or wakes) the audio context; call it from a click, since browsers allow sound only after one. */
export function primeChime(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume().catch(() => {});
  } catch {
    context = null;
  }
}

/** Two soft sine notes going up, about 0.4 s: noticeable across a shop floor, not an alarm. */
export function chime(): void {
  try {
    primeChime();
    if (!context) return;
    const start = context.currentTime;
    for (const [i, freq] of [660, 880].entries()) {
      const at = start + i * 0.18;
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.2, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.22);
      osc.connect(gain).connect(context.destination);
      osc.start(at);
      osc.stop(at + 0.25);
    }
  } catch {
    // No sound output: the queue and the announcement still say it.
  }
}
