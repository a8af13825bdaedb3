/** Largest-remainder allocation: split an amount over weights so the parts add up exactly. */
import { assertSafeInteger } from './rounding.js';

/**
 * Splits total over weights proportionally: each part is floor(total × w / Σw), and the øre left
 * over go one each to the largest remainders; equal remainders go to the earlier index. The parts
 * always sum to total.
 *
 * When 0 ≤ total ≤ Σw (a discount spread over the prices it is taken from), no part exceeds its
 * weight, so no line is discounted below zero. A negative total is split as its mirror image.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  assertSafeInteger(total, 'total');
  for (const w of weights) {
    assertSafeInteger(w, 'weight');
    if (w < 0) throw new RangeError(`weights must not be negative, got ${w}`);
  }
  if (total < 0) return allocate(-total, weights).map((part) => -part);
  const sum = weights.reduce((a, w) => a + BigInt(w), 0n);
  if (sum === 0n) {
    if (total === 0) return weights.map(() => 0);
    throw new RangeError('cannot allocate a non-zero total over weights that are all zero');
  }
  return largestRemainder(BigInt(total), weights, sum);
}

function largestRemainder(total: bigint, weights: readonly number[], sum: bigint): number[] {
  const parts: bigint[] = [];
  const remainders: bigint[] = [];
  let left = total;
  for (const w of weights) {
    const scaled = total * BigInt(w);
    const part = scaled / sum;
    parts.push(part);
    remainders.push(scaled % sum);
    left -= part;
  }
  const order = weights.map((_, i) => i);
  order.sort((a, b) => compareDesc(remainders[a] ?? 0n, remainders[b] ?? 0n) || a - b);
  for (let k = 0; k < Number(left); k++) {
    const i = order[k] ?? 0;
    parts[i] = (parts[i] ?? 0n) + 1n;
  }
  return parts.map(Number);
}

function compareDesc(a: bigint, b: bigint): number {
  return a > b ? -1 : a < b ? 1 : 0;
}
