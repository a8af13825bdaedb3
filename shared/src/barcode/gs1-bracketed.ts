/** Parses the human-readable GS1 form with bracketed AIs, e.g. '(01)09521234543213(3103)000123' as ZXing prints DataBar Expanded. */
import { lookupAi, familyHint } from './gs1-ai-spec.js';
import { validateElement } from './gs1-validate.js';
import { failure, quote, success, type Outcome } from './outcome.js';
import type { Gs1Element } from './types.js';

const AI_TOKEN = /\((\d{2,4})\)/y;

/**
 * Index of the next bracketed AI. In alphanumeric data a '(' may be data, so there only a known
 * AI ends the field; numeric data ends at any '(digits)'.
 */
function nextAiStart(data: string, from: number, numeric: boolean): number {
  for (let i = data.indexOf('(', from); i >= 0; i = data.indexOf('(', i + 1)) {
    AI_TOKEN.lastIndex = i;
    const match = AI_TOKEN.exec(data);
    if (match?.[1] !== undefined && (numeric || lookupAi(match[1]))) return i;
  }
  return data.length;
}

export function parseBracketed(data: string): Outcome<Gs1Element[]> {
  const elements: Gs1Element[] = [];
  let pos = 0;
  while (pos < data.length) {
    AI_TOKEN.lastIndex = pos;
    const match = AI_TOKEN.exec(data);
    if (!match?.[1]) {
      const close = data.indexOf(')', pos);
      return close < 0
        ? failure('truncated', `The bracketed AI at position ${pos + 1} is not closed: ${quote(data.slice(pos))}.`)
        : failure('unknown-ai', `Expected an application identifier in brackets at position ${pos + 1}, found ${quote(data.slice(pos, close + 1))}.`);
    }
    const ai = match[1];
    const spec = lookupAi(ai);
    if (!spec) {
      const hint = familyHint(ai);
      return failure('unknown-ai', `(${ai}) is not a GS1 application identifier${hint ? `: ${hint}` : ''}.`);
    }
    const valueStart = pos + match[0].length;
    const end = nextAiStart(data, valueStart, spec.parts.every((part) => part.charset === 'N'));
    const value = data.slice(valueStart, end);
    if (end === data.length && value.length < spec.min) {
      return failure('truncated', `AI (${ai}) ${spec.title} needs ${spec.fixed ? '' : 'at least '}${spec.min} characters, but the data ends after ${value.length}.`);
    }
    const problem = validateElement(spec, value);
    if (problem) return problem;
    elements.push({ ai, value, title: spec.title });
    pos = end;
  }
  return elements.length > 0 ? success(elements) : failure('empty', 'The GS1 element string holds no data.');
}
