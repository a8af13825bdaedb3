/**
 * The fault suite's figures: each fault test records what it injected, checked and found, and the run's
 * teardown (tests/reliability-report.ts) writes docs/reliability.md from them once every section is there.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RELIABILITY_DIR = fileURLToPath(new URL('../../test-results/reliability/', import.meta.url));

/** The sections the report waits for; a run of only some tests leaves docs/reliability.md as it was. */
export const RELIABILITY_SECTIONS = ['kill-sale', 'terminal', 'printer', 'reconnect', 'disk-full', 'hostile-input', 'card-numbers'] as const;
export type ReliabilitySection = (typeof RELIABILITY_SECTIONS)[number];

export interface ReliabilityFigures {
  /** One line saying what the test does. */
  what: string;
  faultsInjected: number;
  /** Sales (or states) checked after the faults. */
  checked: number;
  /** Hostile inputs sent (0 where not relevant). */
  inputsTried: number;
  /** State changes (or invariant breaks) found: must be 0. */
  violations: number;
  /** Any further facts worth a line, e.g. the seed. */
  notes?: string[];
}

export function recordReliability(section: ReliabilitySection, figures: ReliabilityFigures): void {
  mkdirSync(RELIABILITY_DIR, { recursive: true });
  writeFileSync(join(RELIABILITY_DIR, `${section}.json`), JSON.stringify(figures, null, 2));
}
