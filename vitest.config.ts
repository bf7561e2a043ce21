import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One config for the whole repo: unit tests sit beside the code, cross-cutting and browser
// tests live in test/. Files that need a DOM opt in with `// @vitest-environment happy-dom`.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  test: {
    include: ['{shared,widget,extension,server,test}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/.output/**'],
    reporters: ['default', './test/summary-reporter.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
