/** Turns the AI table rows into a lookup of concrete AIs with parsed formats. */
import { GS1_AI_ROWS, type AiCharset, type AiDateFormat, type AiRow } from './gs1-ai-table.js';

/** One component of an AI's data field, e.g. the 'N3' and the 'X..27' of 'N3+X..27'. */
export interface AiPart {
  charset: AiCharset;
  min: number;
  max: number;
}

export interface AiSpec {
  ai: string;
  title: string;
  parts: readonly AiPart[];
  /** All components have a fixed length: the field needs no GS separator to end. */
  fixed: boolean;
  min: number;
  max: number;
  decimals?: number;
  date?: AiDateFormat;
  check: boolean;
}

function parsePart(text: string, index: number): AiPart {
  const fixed = /^([NXYZ])(\d+)$/.exec(text);
  if (fixed) return { charset: fixed[1] as AiCharset, min: Number(fixed[2]), max: Number(fixed[2]) };
  const variable = /^([NXYZ])\.\.(\d+)$/.exec(text);
  if (variable) {
    // A variable component after a fixed one is optional (e.g. the serial of a GDTI).
    return { charset: variable[1] as AiCharset, min: index === 0 ? 1 : 0, max: Number(variable[2]) };
  }
  throw new Error(`Bad format component '${text}' in the GS1 AI table`);
}

function toSpec(row: AiRow, ai: string, n: number | undefined): AiSpec {
  const parts = row.format.split('+').map(parsePart);
  return {
    ai,
    title: row.title,
    parts,
    fixed: parts.every((p) => p.min === p.max),
    min: parts.reduce((sum, p) => sum + p.min, 0),
    max: parts.reduce((sum, p) => sum + p.max, 0),
    ...(row.decimals && n !== undefined ? { decimals: n } : {}),
    ...(row.date ? { date: row.date } : {}),
    check: row.check === true,
  };
}

function buildSpecs(): Map<string, AiSpec> {
  const specs = new Map<string, AiSpec>();
  for (const row of GS1_AI_ROWS) {
    if (!row.n) {
      specs.set(row.ai, toSpec(row, row.ai, undefined));
      continue;
    }
    for (let n = row.n[0]; n <= row.n[1]; n += 1) specs.set(`${row.ai}${n}`, toSpec(row, `${row.ai}${n}`, n));
  }
  return specs;
}

const SPECS = buildSpecs();

/** In GS1's table the first two digits of an AI fix its length (2, 3 or 4 digits). */
const AI_LENGTH_BY_START = new Map<string, number>([...SPECS.keys()].map((ai) => [ai.slice(0, 2), ai.length]));

export function lookupAi(ai: string): AiSpec | undefined {
  return SPECS.get(ai);
}

/** Length of the AIs that start with these two digits, or undefined if no AI starts so. */
export function aiLengthForStart(firstTwoDigits: string): number | undefined {
  return AI_LENGTH_BY_START.get(firstTwoDigits);
}

/** Every concrete AI in the table, for tests and tools. */
export function allAis(): string[] {
  return [...SPECS.keys()];
}

/** Names the family a non-existent AI would belong to, e.g. '3106' → '310n (n = 0–5)'. */
export function familyHint(ai: string): string | undefined {
  const row = GS1_AI_ROWS.find((r) => r.n && ai.length === r.ai.length + 1 && ai.startsWith(r.ai));
  return row?.n ? `(${row.ai}n) takes n = ${row.n[0]}–${row.n[1]}` : undefined;
}
