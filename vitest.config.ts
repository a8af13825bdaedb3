import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@selfserve\/shared$/, replacement: fileURLToPath(new URL('./shared/src/index.ts', import.meta.url)) },
      { find: /^@selfserve\/shared\/pure$/, replacement: fileURLToPath(new URL('./shared/src/pure.ts', import.meta.url)) },
    ],
  },
  test: {
    reporters: ['default', './scripts/summary-reporter.ts'],
    include: ['shared/src/**/*.test.ts', 'hub/src/**/*.test.ts', 'hub/demo/**/*.test.ts', 'ui/src/**/*.test.ts', 'kiosk/src/**/*.test.ts', 'display/src/**/*.test.ts', 'tests/**/*.test.ts'],
    // Clears the fault suite's figures before a run and writes docs/reliability.md after a full one.
    globalSetup: ['./tests/reliability-report.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
