/**
 * vitest globalSetup: clears the fault suite's figures before the run and, after it, writes
 * docs/reliability.md from them, when every section reported (a partial run changes nothing).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RELIABILITY_DIR, RELIABILITY_SECTIONS, type ReliabilityFigures } from './helpers/reliability.js';

const DOC = fileURLToPath(new URL('../docs/reliability.md', import.meta.url));

export function setup(): void {
  rmSync(RELIABILITY_DIR, { recursive: true, force: true });
}

export function teardown(): void {
  const files = RELIABILITY_SECTIONS.map((s) => [s, join(RELIABILITY_DIR, `${s}.json`)] as const);
  if (!files.every(([, f]) => existsSync(f))) return;
  const rows = files.map(([section, f]) => [section, JSON.parse(readFileSync(f, 'utf8')) as ReliabilityFigures] as const);
  const sum = (k: 'faultsInjected' | 'checked' | 'inputsTried' | 'violations') => rows.reduce((n, [, r]) => n + r[k], 0);
  const table = rows.map(([s, r]) => `| ${s} | ${r.what} | ${r.faultsInjected} | ${r.checked} | ${r.inputsTried} | ${r.violations} |`);
  const notes = rows.flatMap(([s, r]) => (r.notes ?? []).map((n) => `- ${s}: ${n}`));
  writeFileSync(
    DOC,
    `# Reliability: the fault suite's figures

Written by the last full \`npm test\` run (tests/reliability-report.ts, from the fault tests in \`tests/fault/\`).
Each fault is injected for real: the hub process killed with SIGKILL, the terminal simulator told to lose
answers or time out, the printer simulator switched off or out of paper, connections cut by a proxy, the
database filled. "Violations" counts broken promises and state changes after bad input: it must be 0.

| section | what | faults injected | checked | hostile inputs | violations |
| --- | --- | ---: | ---: | ---: | ---: |
${table.join('\n')}
| **all** | | **${sum('faultsInjected')}** | **${sum('checked')}** | **${sum('inputsTried')}** | **${sum('violations')}** |

${notes.join('\n')}
`,
  );
}
