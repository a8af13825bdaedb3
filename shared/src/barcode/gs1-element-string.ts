/** Parses a GS1 element string as scanners send it: AI + data, variable-length fields ended by GS (FNC1). */
import { aiLengthForStart, familyHint, lookupAi, type AiSpec } from './gs1-ai-spec.js';
import { validateElement } from './gs1-validate.js';
import { failure, quote, success, type Failure, type Outcome } from './outcome.js';
import type { Gs1Element } from './types.js';

/** Group separator: how scanners transmit an FNC1 that ends a variable-length field. */
export const GS = '\x1d';

type Step = { spec: AiSpec; next: number } | Failure;

/** Reads the AI that starts at `pos`. In GS1's table its first two digits fix its length. */
function readAi(data: string, pos: number): Step {
  const start = data.slice(pos, pos + 2);
  if (start.length < 2) return failure('truncated', `The data ends inside an application identifier (${quote(start)}).`);
  const length = /^\d\d$/.test(start) ? aiLengthForStart(start) : undefined;
  if (length === undefined) {
    return failure('unknown-ai', `No GS1 application identifier starts with ${quote(start)} (at position ${pos + 1}).`);
  }
  const ai = data.slice(pos, pos + length);
  if (ai.length < length) return failure('truncated', `The data ends inside application identifier (${ai}…).`);
  const spec = /^\d+$/.test(ai) ? lookupAi(ai) : undefined;
  if (!spec) {
    const hint = familyHint(ai);
    return failure('unknown-ai', `${quote(ai)} is not a GS1 application identifier${hint ? `: ${hint}` : ''}.`);
  }
  return { spec, next: pos + length };
}

/**
 * A fixed-length field is read by its length (and a GS after it is tolerated, though only some
 * fixed-length AIs may omit it). A variable-length field runs to the next GS or the end.
 */
function readValue(data: string, pos: number, spec: AiSpec): Outcome<{ text: string; next: number }> {
  if (spec.fixed) {
    const value = data.slice(pos, pos + spec.max);
    const cut = value.indexOf(GS);
    if (value.length < spec.max || cut >= 0) {
      const got = cut >= 0 ? cut : value.length;
      return failure('truncated', `AI (${spec.ai}) ${spec.title} needs ${spec.max} characters, but the field ends after ${got}.`);
    }
    const next = pos + spec.max;
    return success({ text: value, next: data.charAt(next) === GS ? next + 1 : next });
  }
  const end = data.indexOf(GS, pos);
  const value = data.slice(pos, end < 0 ? data.length : end);
  if (value.length === 0) return failure('truncated', `AI (${spec.ai}) ${spec.title} has no data.`);
  if (value.length > spec.max) {
    return failure(
      'bad-value',
      `AI (${spec.ai}) ${spec.title} takes at most ${spec.max} characters, but ${value.length} follow it — is a GS separator missing?`,
    );
  }
  return success({ text: value, next: end < 0 ? data.length : end + 1 });
}

export function parseElementString(data: string): Outcome<Gs1Element[]> {
  const elements: Gs1Element[] = [];
  let pos = 0;
  while (pos < data.length) {
    if (data.charAt(pos) === GS) {
      pos += 1; // a leading FNC1 or an empty separator carries nothing
      continue;
    }
    const ai = readAi(data, pos);
    if ('ok' in ai) return ai;
    const field = readValue(data, ai.next, ai.spec);
    if (!field.ok) return field;
    const problem = validateElement(ai.spec, field.value.text);
    if (problem) return problem;
    elements.push({ ai: ai.spec.ai, value: field.value.text, title: ai.spec.title });
    pos = field.value.next;
  }
  if (elements.length === 0) return failure('empty', 'The GS1 element string holds no data.');
  return success(elements);
}
