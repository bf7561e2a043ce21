import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { defaultTextRules } from '../shared/severity/text/default-text-rules';
import { TEXT_RULES_FILE } from './policy/default-policy-on-demand';
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
    build: {
      // Pages load from the extension's own files: no polyfill, and a lazy chunk's imports are
      // fetched when it runs rather than listed in every importer (the lists weighed ~1 KB gzip
      // in the popup's first load).
      modulePreload: false,
      rollupOptions: {
        onwarn(warning, warn) {
          // zod's explanatory comments beside its @__PURE__ marks (~30 notices a build, nothing
          // to act on); the same notice about our own code still shows.
          if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/'))
            return;
          warn(warning);
        },
      },
    },
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
    // Pages (HTML entrypoints) build against the on-demand catalogues: the queue's English in
    // the first load, the rest of English and zh-CN fetched by `loadLocale`. The background and
    // content scripts keep both catalogues (a notification cannot wait for a download).
    // Pages and the background fetch the default text rules when they first assess severity.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((e) => e.inputPath.endsWith('.html')))
        config.plugins = [...(config.plugins ?? []), i18nOnDemand(), preloadStaticImports()];
      if (entrypoints.some((e) => e.inputPath.endsWith('.html') || e.type === 'background'))
        config.plugins = [...(config.plugins ?? []), textRulesOnDemand()];
    },
    // The browser tests' relay (entrypoints/e2e-probe.content.ts) exists only in e2e builds.
    'entrypoints:resolved': (wxt, entrypoints) => {
      if (wxt.config.mode === 'e2e') return;
      const i = entrypoints.findIndex((e) => e.name === 'e2e-probe');
      if (i >= 0) entrypoints.splice(i, 1);
    },
    // The popup is built on its own (a second Vite build): its static imports then form one
    // chunk, not the ~15 shared with the other pages that a single multi-page build cuts. Each
    // file of a page's first load costs the renderer ~1-2 ms to request while the HTML is parsed
    // and a task to receive (a trace under load: 19 requests held the parser ~30 ms, and the
    // entry ran ~25 ms later than with 3). Its lazy chunks are its own copies (Dexie included):
    // more bytes on disk, nothing more loaded by any page.
    'entrypoints:grouped': (_wxt, groups) => {
      const pages = groups.find((g) => Array.isArray(g) && g.some((e) => e.type === 'popup'));
      if (!Array.isArray(pages) || pages.length < 2) return;
      groups.push(
        pages.splice(
          pages.findIndex((e) => e.type === 'popup'),
          1,
        ),
      );
    },
    'build:manifestGenerated': (wxt, manifest) => finalizeManifest(manifest, wxt.config.mode),
  },
  zip: { name: 'complaint-desk' },
  manifest: manifestFor,
});

const I18N_INDEX = fileURLToPath(new URL('../shared/i18n/index.ts', import.meta.url));
const I18N_ON_DEMAND = fileURLToPath(new URL('../shared/i18n/on-demand.ts', import.meta.url));

/**
 * Resolves every import of the module `from` (however it is spelled; `hint` is a substring
 * every such specifier contains, so other imports skip the lookup) to `to`.
 */
function swapModule(name: string, hint: string, from: string, to: string): Plugin {
  return {
    name,
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.includes(hint)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === from ? to : null;
    },
  };
}

/** Every import of shared/i18n/index.ts resolves to on-demand.ts. */
function i18nOnDemand(): Plugin {
  return swapModule('complaint-desk:i18n-on-demand', 'i18n', I18N_INDEX, I18N_ON_DEMAND);
}

const DEFAULT_POLICY = fileURLToPath(
  new URL('../shared/policy/default-policy.ts', import.meta.url),
);
const DEFAULT_POLICY_ON_DEMAND = fileURLToPath(
  new URL('./policy/default-policy-on-demand.ts', import.meta.url),
);

/**
 * Resolves every import of shared/policy/default-policy.ts to the extension's on-demand version
 * (the default text rules fetched when first needed), and writes those rules, from their one
 * source in shared/, as `severity-text-rules.json` at the extension's root.
 */
function textRulesOnDemand(): Plugin {
  return {
    ...swapModule(
      'complaint-desk:text-rules-on-demand',
      'default-policy',
      DEFAULT_POLICY,
      DEFAULT_POLICY_ON_DEMAND,
    ),
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: TEXT_RULES_FILE,
        source: JSON.stringify(defaultTextRules),
      });
    },
  };
}

/**
 * Lists each page's static imports, transitively, as `<link rel="modulepreload">` in its HTML,
 * so they are all requested while the HTML is parsed: without the list the browser finds the
 * entry's imports only once the entry arrived, then theirs (three round trips for the popup,
 * each a few ms to tens of ms through the browser process). No JavaScript is added; lazy
 * chunks keep loading their own imports (`modulePreload: false`).
 */
function preloadStaticImports(): Plugin {
  return {
    name: 'complaint-desk:preload-static-imports',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { chunk, bundle }) {
        if (!chunk || !bundle) return;
        const seen = new Set<string>();
        const visit = (file: string) => {
          const c = bundle[file];
          if (c?.type !== 'chunk') return;
          for (const f of c.imports) if (!seen.has(f) && seen.add(f)) visit(f);
        };
        visit(chunk.fileName);
        return [...seen].map((f) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${f}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
