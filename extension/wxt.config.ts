import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { finalizeManifest, manifestFor } from './manifest';

// Explicit imports everywhere (no auto-imports): the root tsconfig type-checks extension/ without
// the generated .wxt folder, and vitest runs the same files without the WXT plugin chain.
export default defineConfig({
  srcDir: '.',
  outDir: '.output',
  imports: false,
  vite: (env) => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    // @preact/preset-vite only for dev HMR; without the esbuild settings the build emits React.createElement.
    plugins: env.command === 'serve' ? [preact()] : [],
    resolve: {
      alias: [
        { find: '@shared', replacement: fileURLToPath(new URL('../shared', import.meta.url)) },
        // Firefox's background page has a DOM and sanitizes in place; Chrome's worker uses the
        // offscreen document, so DOMPurify and the extractors stay out of its bundle.
        ...(env.browser === 'firefox'
          ? [
              {
                find: /^\.\/local-sanitizer$/,
                replacement: fileURLToPath(
                  new URL('./background/local-sanitizer.firefox.ts', import.meta.url),
                ),
              },
            ]
          : []),
      ],
    },
  }),
  hooks: {
    // The browser tests' relay (entrypoints/e2e-probe.content.ts) exists only in e2e builds.
    'entrypoints:resolved': (wxt, entrypoints) => {
      if (wxt.config.mode === 'e2e') return;
      const i = entrypoints.findIndex((e) => e.name === 'e2e-probe');
      if (i >= 0) entrypoints.splice(i, 1);
    },
    'build:manifestGenerated': (wxt, manifest) => finalizeManifest(manifest, wxt.config.mode),
  },
  zip: { name: 'complaint-desk' },
  manifest: manifestFor,
});
