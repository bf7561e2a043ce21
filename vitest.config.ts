import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type TestProjectInlineConfiguration, defineConfig } from 'vitest/config';
import { chromiumPath, missingBrowserHint } from './scripts/browser';

// One config for the whole repo: unit tests sit beside the code, cross-cutting and browser
// tests live in test/. Files that need a DOM opt in with `// @vitest-environment happy-dom`.
// Browser suites (test/e2e) run after the unit suites, one file at a time: each drives a real
// Chromium, and two at once on a 2-core machine only make both slow and flaky.
const E2E = 'test/e2e/**/*.test.ts';

// Without a Chromium the browser suites are left out with one clear line (`npm test`'s pretest
// installs it where it can); with REQUIRE_BROWSER=1 (CI) they run and fail with the same line.
const browser = existsSync(chromiumPath()) || process.env.REQUIRE_BROWSER === '1';
const told = globalThis as { browserNoticeShown?: boolean }; // the config is loaded more than once
if (!browser && !told.browserNoticeShown) {
  told.browserNoticeShown = true;
  console.warn(`\n[browser tests not run] ${missingBrowserHint()}\n`);
}

const e2e: TestProjectInlineConfiguration = {
  extends: true,
  test: {
    name: 'e2e',
    include: [E2E],
    maxWorkers: 1,
    testTimeout: 60_000,
    sequence: { groupOrder: 1 },
  },
};

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
      ...(browser ? [e2e] : []),
    ],
  },
});
