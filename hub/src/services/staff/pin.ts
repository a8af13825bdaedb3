/** Staff PINs: salted scrypt hashes that carry their own cost, compared in constant time. */
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const COST = { N: 16384, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

/** A PIN is 4 to 8 digits. */
export const PIN_PATTERN = /^\d{4,8}$/;
export const isPinShape = (pin: string): boolean => PIN_PATTERN.test(pin);

function derive(pin: string, salt: Buffer, keyBytes: number, cost: ScryptOptions): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; allow twice that so a stored hash with a higher cost still verifies.
  const maxmem = 256 * (cost.N ?? COST.N) * (cost.r ?? COST.r);
  return new Promise((resolve, reject) =>
    scrypt(pin.normalize('NFKC'), salt, keyBytes, { ...cost, maxmem }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** `scrypt$N$r$p$saltB64$keyB64`. */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(pin, salt, KEY_BYTES, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPin(pin: string, hash: string): Promise<boolean> {
  const parsed = parseHash(hash);
  if (!parsed) return false;
  const key = await derive(pin, parsed.salt, parsed.key.length, parsed.cost);
  return timingSafeEqual(key, parsed.key);
}

/** Bounds on the cost read back from a hash, so a damaged row cannot make one sign-in take minutes. */
function parseHash(hash: string): { cost: ScryptOptions; salt: Buffer; key: Buffer } | null {
  const parts = hash.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const powerOfTwo = Number.isInteger(N) && N >= 2 && N <= 2 ** 20 && (N & (N - 1)) === 0;
  if (!powerOfTwo || !Number.isInteger(r) || r < 1 || r > 32 || !Number.isInteger(p) || p < 1 || p > 16) return null;
  const salt = Buffer.from(parts[4]!, 'base64');
  const key = Buffer.from(parts[5]!, 'base64');
  if (salt.length < 8 || key.length < 16) return null;
  return { cost: { N, r, p }, salt, key };
}

/** A fresh 6-digit PIN, never one of the first guesses (one digit repeated, or a straight run). */
export function newPin(): string {
  for (;;) {
    const pin = String(randomInt(0, 1_000_000)).padStart(6, '0');
    if (!isObviousPin(pin)) return pin;
  }
}

function isObviousPin(pin: string): boolean {
  const steps = new Set([...pin].slice(1).map((d, i) => (Number(d) - Number(pin[i]) + 10) % 10));
  return steps.size === 1 && (steps.has(0) || steps.has(1) || steps.has(9));
}
