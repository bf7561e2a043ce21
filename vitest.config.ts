import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One config for the whole repo: unit tests sit beside the code, cross-cutting and browser
// tests live in test/. Files that need a DOM opt in with `// @vitest-environment happy-dom`.
// Browser suites (test/e2e) run after the unit suites, one file at a time: each drives a real
// Chromium, and two at once on a 2-core machine only make both slow and flaky.
const E2E = 'test/e2e/**/*.test.ts';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{shared,widget,extension,server,test}/**/*.test.{ts,tsx}'],
          exclude: ['**/node_modules/**', '**/dist/**', '**/.output/**', E2E],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: [E2E],
          maxWorkers: 1,
          testTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
