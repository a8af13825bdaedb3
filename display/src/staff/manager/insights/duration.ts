// A duration split into the units the insights show it in.

/** Whole seconds, minutes and hours of a duration, with the largest unit worth showing. */
export function durationParts(seconds: number): { unit: 'seconds' | 'minutes' | 'hours'; h: number; m: number; s: number } {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return { unit: h > 0 ? 'hours' : m > 0 ? 'minutes' : 'seconds', h, m, s };
}
