/** Validates the data of one GS1 element against its AI: length, character set, check digit, date. */
import { gtinCheckDigit, hasValidCheckDigit } from './check-digit.js';
import type { AiCharset } from './gs1-ai-table.js';
import type { AiSpec } from './gs1-ai-spec.js';
import { checkDate } from './gs1-dates.js';
import { failure, quote, type Failure } from './outcome.js';

const CHARSETS: Record<AiCharset, { pattern: RegExp; name: string }> = {
  N: { pattern: /^[0-9]$/, name: 'digits' },
  // GS1 AI encodable character set 82: no space, #, $, @, [, \, ], ^, `, {, |, }, ~.
  X: { pattern: /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]$/, name: 'characters of GS1 character set 82' },
  Y: { pattern: /^[#\-/0-9A-Z]$/, name: 'characters of GS1 character set 39 (A–Z, 0–9, #, -, /)' },
  Z: { pattern: /^[\-0-9A-Z_a-z=]$/, name: 'base64url characters' },
};

function lengthRule(spec: AiSpec): string {
  if (spec.fixed) return `exactly ${spec.max}`;
  return spec.min > 1 ? `${spec.min} to ${spec.max}` : `at most ${spec.max}`;
}

function charsetProblem(spec: AiSpec, value: string): Failure | undefined {
  let start = 0;
  for (const [index, part] of spec.parts.entries()) {
    const isLast = index === spec.parts.length - 1;
    const end = isLast ? value.length : start + part.max;
    const charset = CHARSETS[part.charset];
    for (let i = start; i < end; i += 1) {
      const char = value.charAt(i);
      if (!charset.pattern.test(char)) {
        const where = spec.parts.length > 1 ? ` in position ${i + 1}` : '';
        return failure(
          'bad-value',
          `AI (${spec.ai}) ${spec.title} takes ${charset.name}${where}, but has ${quote(char)}.`,
        );
      }
    }
    start = end;
  }
  return undefined;
}

/** Undefined when the value is valid data for the AI. */
export function validateElement(spec: AiSpec, value: string): Failure | undefined {
  if (value.length < spec.min || value.length > spec.max) {
    return failure(
      'bad-value',
      `AI (${spec.ai}) ${spec.title} takes ${lengthRule(spec)} characters, but has ${value.length} (${quote(value)}).`,
    );
  }
  const badChar = charsetProblem(spec, value);
  if (badChar) return badChar;
  if (spec.check) {
    const keyLength = spec.parts[0]?.max ?? value.length;
    const key = value.slice(0, keyLength);
    if (!hasValidCheckDigit(key)) {
      return failure(
        'bad-check-digit',
        `AI (${spec.ai}) ${spec.title} ${key} ends in ${key.slice(-1)}, but its check digit should be ${gtinCheckDigit(key.slice(0, -1))}.`,
      );
    }
  }
  if (spec.date) {
    const problem = checkDate(spec.date, value);
    if (problem) return failure('bad-date', `AI (${spec.ai}) ${spec.title} ${value} is not a valid date: ${problem}.`);
  }
  return undefined;
}
