/**
 * MT-SICS level 0 weight responses, both ways: reading `S S      0.150 kg` into exact grams for the
 * driver, and writing it for the simulator. Weights stay decimal strings until they are whole grams,
 * so 1.234 kg is 1234 g and never 1233.9999.
 */

export type WeightResponse =
  | { kind: 'weight'; stable: boolean; grams: number }
  | { kind: 'overload' }
  | { kind: 'underload' }
  /** `S I`: the scale cannot execute the command now (busy zeroing, or no stability in its own time). */
  | { kind: 'busy' }
  /** `ES` syntax error, `ET` transmission error, `EL` logical error. */
  | { kind: 'error'; code: 'ES' | 'ET' | 'EL' }
  /** A well-formed answer to another command, such as the `I4 A "…"` a scale sends after power-on. */
  | { kind: 'other' }
  | { kind: 'garbage'; why: string };

const WEIGHT = /^S +([SD]) +([-+]?\d+(?:\.\d+)?) +(\S+) *$/;
const OTHER_RESPONSE = /^[A-Z][A-Z0-9]* +[A-Z](?: |$)/;

export function parseWeightResponse(line: string): WeightResponse {
  const weight = WEIGHT.exec(line);
  if (weight) {
    const [, status = '', value = '', unit = ''] = weight;
    if (unit !== 'kg' && unit !== 'g') return { kind: 'garbage', why: `unit "${unit}" is not kg or g: ${JSON.stringify(line)}` };
    const grams = toGrams(value, unit);
    if (grams === null) return { kind: 'garbage', why: `weight "${value}" is out of range: ${JSON.stringify(line)}` };
    return { kind: 'weight', stable: status === 'S', grams };
  }
  const trimmed = line.trimEnd();
  switch (trimmed) {
    case 'S +':
      return { kind: 'overload' };
    case 'S -':
      return { kind: 'underload' };
    case 'S I':
      return { kind: 'busy' };
    case 'ES':
    case 'ET':
    case 'EL':
      return { kind: 'error', code: trimmed };
  }
  if (!trimmed.startsWith('S ') && OTHER_RESPONSE.test(trimmed)) return { kind: 'other' };
  return { kind: 'garbage', why: `not an MT-SICS weight response: ${JSON.stringify(line.slice(0, 80))}` };
}

/**
 * A decimal weight string in kg or g as whole grams, from its digits. A digit below the gram (only a
 * laboratory balance shows one) is rounded half away from zero; a checkout scale weighs in whole grams.
 */
export function toGrams(value: string, unit: 'kg' | 'g'): number | null {
  const match = /^([-+]?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return null;
  const [, sign = '', whole = '', fraction = ''] = match;
  const shift = unit === 'kg' ? 3 : 0;
  const digits = (whole + fraction.padEnd(shift, '0').slice(0, shift)).replace(/^0+(?=\d)/, '');
  // Up to 15 digits a digit string is an exact integer as a Number.
  if (digits.length > 15) return null;
  const roundUp = (fraction[shift] ?? '0') >= '5';
  const grams = Number(digits) + (roundUp ? 1 : 0);
  return sign === '-' && grams !== 0 ? -grams : grams;
}

/** Grams as MT-SICS shows kilograms: three decimals, e.g. 150 → "0.150", -5 → "-0.005". */
export function formatKg(grams: number): string {
  if (!Number.isSafeInteger(grams)) throw new RangeError(`grams must be a whole number, got ${grams}`);
  const abs = Math.abs(grams);
  return `${grams < 0 ? '-' : ''}${Math.floor(abs / 1000)}.${String(abs % 1000).padStart(3, '0')}`;
}

/** `S S      0.150 kg`: the value right-aligned in a 10-character field, then the unit. */
export function weightLine(grams: number, stable: boolean): string {
  return `S ${stable ? 'S' : 'D'} ${formatKg(grams).padStart(10)} kg`;
}
