/** Writes a statement's parameters into its SQL text as literals, so a whole batch runs in one call. */
import type { Param, Statement } from './db.js';

/**
 * An SQL literal for a parameter. Strings are quoted with every quote doubled, which is the whole
 * of SQLite's string escaping; NUL cannot pass (it would end the C string), so it is refused.
 */
export function sqlLiteral(value: Param): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'bigint') return value.toString();
  if (Buffer.isBuffer(value)) return `X'${value.toString('hex')}'`;
  if (value.includes('\0')) throw new RangeError('a NUL character cannot be written as an SQL literal');
  return `'${value.replaceAll("'", "''")}'`;
}

/** Replaces each `?` (outside quoted text) of the statement with its parameter, in order. */
export function inlineStatement({ sql, params }: Statement): string {
  let out = '';
  let next = 0;
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === '?') {
      if (next >= params.length) throw new RangeError(`too few parameters for: ${sql}`);
      out += sqlLiteral(params[next++]!);
    } else out += ch;
  }
  if (next !== params.length) throw new RangeError(`${params.length} parameters for ${next} placeholders in: ${sql}`);
  return out;
}
