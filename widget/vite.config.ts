import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import type { InlineConfig, Plugin } from 'vite';
import { common as enCommon } from '../shared/i18n/en/common';
import { widget as enWidget } from '../shared/i18n/en/widget';
import { common as zhCommon } from '../shared/i18n/zh-CN/common';
import { widget as zhWidget } from '../shared/i18n/zh-CN/widget';
import * as schemaConstants from './src/schema-constants';
import { CURRENCY, SHELLS } from './src/shells';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The three builds: ES module (+ lazy chunks), IIFE for a plain `<script>`, its outbox script. */
export type WidgetBuild = 'es' | 'iife' | 'outbox';

/** Names of the files each build writes. */
export const OUTPUT = {
  es: 'complaint-form.js',
  iife: 'complaint-form.iife.js',
  outbox: 'complaint-form.outbox.js',
  polyfill: 'complaint-form.polyfill.js',
  manifest: 'custom-elements.json',
} as const;

type Catalog = Record<string, string | ((params: never) => string)>;

/** Widget messages needed only after the form: they travel in the lazy flow chunk. */
export const LATER_KEYS =
  /^widget\.(confirm|sending|success|queued|kept|retry|copy|error\.(tooLarge|rateLimited|rejected|noEndpoint))/;

/** A catalogue subset as module source (message functions keep their compiled source). */
function catalogSource(name: string, catalog: Catalog, keep: (key: string) => boolean): string {
  const entries = Object.entries(catalog)
    .filter(([key]) => keep(key))
    .map(
      ([key, value]) =>
        `${JSON.stringify(key)}:${typeof value === 'function' ? value.toString() : JSON.stringify(value)}`,
    );
  return `export const ${name} = {${entries.join(',')}};`;
}

/**
 * Catalogue subsets for the first load. The widget shows category and profile names only, so
 * `common` is cut to those (about 2 KB gzipped less); the later steps' widget messages move to
 * src/later-messages.ts (flow chunk). Source files and unit tests use the full catalogues.
 */
function splitCatalogs(): Plugin {
  const pick = {
    en: { common: enCommon, widget: enWidget },
    'zh-CN': { common: zhCommon, widget: zhWidget },
  };
  return {
    name: 'complaint-form:split-catalogs',
    enforce: 'pre',
    load(id) {
      const m = /shared\/i18n\/(en|zh-CN)\/(common|widget)\.ts$/.exec(id);
      if (m) {
        const locale = m[1] as 'en' | 'zh-CN';
        return m[2] === 'common'
          ? catalogSource('common', pick[locale].common, (key) => /^(category|profile)\./.test(key))
          : catalogSource('widget', pick[locale].widget, (key) => !LATER_KEYS.test(key));
      }
      if (id.endsWith('/widget/src/later-messages.ts')) {
        const later = (key: string) => LATER_KEYS.test(key);
        return [
          catalogSource('en', pick.en.widget, later),
          catalogSource('zh', pick['zh-CN'].widget, later),
          "export const laterMessages = { en, 'zh-CN': zh };",
        ].join('\n');
      }
      return null;
    },
  };
}

/** Replaces src/schema-constants.ts by the values it re-exports (no zod in the first load). */
function inlineSchemaConstants(): Plugin {
  return {
    name: 'complaint-form:schema-constants',
    enforce: 'pre',
    load(id) {
      if (!id.endsWith('/widget/src/schema-constants.ts')) return null;
      return Object.entries(schemaConstants)
        .map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`)
        .join('\n');
    },
  };
}

/**
 * The form's prebuilt markup as plain strings (src/shells.tsx renders it here, at build time), so
 * the entry carries neither Preact nor the form's components. The IIFE build, which renders with
 * the script that defines the element, carries none.
 */
function prebuiltShells(kind: WidgetBuild): Plugin {
  return {
    name: 'complaint-form:shells',
    enforce: 'pre',
    load(id) {
      if (!id.endsWith('/widget/src/shells.tsx')) return null;
      return `export const CURRENCY = ${JSON.stringify(CURRENCY)};
export const SHELLS = ${kind === 'es' ? JSON.stringify(SHELLS) : '{}'};`;
    },
  };
}

/**
 * Vite leaves library ES output half-minified (it keeps whitespace and names so that consumers'
 * bundlers can tree-shake); this file goes to browsers as is, so minify it fully.
 */
function minifyEs(target: string): Plugin {
  return {
    name: 'complaint-form:minify-es',
    // After Vite's own renderChunk pass, which would re-print the code with whitespace.
    async generateBundle(options, bundle) {
      if (options.format !== 'es') return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        chunk.code = (
          await transform(chunk.code, {
            minify: true,
            format: 'esm',
            target,
            legalComments: 'none',
          })
        ).code;
        // The entry's functions all run in its first task (define, upgrade, first paint): this
        // Chromium compile hint compiles them with the module, so a repeat view's code cache
        // holds them and the first paint compiles nothing (docs/widget.md, session 6).
        if (chunk.isEntry) chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
      }
    },
  };
}

type ModuleInfo = { importedIds: readonly string[] } | null;

/** A module and every module it imports statically. */
function staticGraph(id: string, info: (id: string) => ModuleInfo, seen = new Set<string>()) {
  if (seen.has(id)) return seen;
  seen.add(id);
  for (const dep of info(id)?.importedIds ?? []) staticGraph(dep, info, seen);
  return seen;
}

let graphs: { entry: Set<string>; view: Set<string> } | undefined;

/**
 * ES chunks: zod under its own name, and everything the view chunk (Preact, the form, both
 * languages) needs that the entry does not have, in that one chunk, so hydration waits for one
 * file rather than a chain of small ones that the read-back and schema chunks share with it.
 * (The entry's own modules are named too: Rollup would otherwise pull the ones the view also
 * imports into the view chunk, and the entry would import it.)
 */
function chunkOf(id: string, { getModuleInfo }: { getModuleInfo: (id: string) => ModuleInfo }) {
  if (id.includes('/node_modules/zod/')) return 'zod';
  graphs ??= {
    entry: staticGraph(here(ENTRY.es), getModuleInfo),
    view: staticGraph(here('src/view.ts'), getModuleInfo),
  };
  if (graphs.entry.has(id)) return 'entry';
  return graphs.view.has(id) ? 'view' : undefined;
}

const ENTRY = { es: 'src/index.ts', iife: 'src/iife.ts', outbox: 'src/outbox-global.ts' } as const;

/** Vite library config of one build, written to `outDir`. */
export function widgetConfig(kind: WidgetBuild, outDir: string): InlineConfig {
  return {
    configFile: false,
    root: here('.'),
    logLevel: 'warn',
    resolve: {
      alias: [
        { find: /^@shared\//, replacement: `${here('../shared')}/` },
        // Dexie's ES build (its package entry wraps the CommonJS one, which cannot be tree-shaken).
        { find: /^dexie$/, replacement: here('../node_modules/dexie/dist/modern/dexie.mjs') },
        // One classic script cannot load chunks: the IIFE swaps its lazy loaders.
        ...(kind === 'es' ? [] : [{ find: /^\.\/lazy$/, replacement: here('src/lazy.iife.ts') }]),
      ],
    },
    // jsxDev off even when NODE_ENV is not "production" (a build started from vitest).
    esbuild: {
      jsx: 'automatic',
      jsxImportSource: 'preact',
      jsxDev: false,
      legalComments: 'none',
      // Class fields as plain assignments in the constructor, not a defineProperty helper call
      // per field: the element's nine fields were nine runtime calls on a DOM wrapper in the
      // task that shows the form, and the helper cost 145 bytes gzip in the entry and the IIFE.
      // No field shadows an accessor of its base class (HTMLElement, Event, Component, Dexie),
      // the one case where the two semantics differ (docs/widget.md, session 8).
      tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } },
    },
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [splitCatalogs(), inlineSchemaConstants(), prebuiltShells(kind), minifyEs('es2020')],
    build: {
      outDir,
      emptyOutDir: false,
      // Library mode does not minify ES output unless asked (docs/toolchain.md).
      minify: 'esbuild',
      cssMinify: 'esbuild',
      // ES: browsers with modules; IIFE: older ones too (the polyfill path).
      target: kind === 'es' ? 'es2020' : 'es2017',
      modulePreload: false,
      reportCompressedSize: false,
      copyPublicDir: false,
      lib: {
        entry: here(ENTRY[kind]),
        formats: [kind === 'es' ? 'es' : 'iife'],
        name: kind === 'outbox' ? 'ComplaintFormOutboxScript' : 'ComplaintForm',
        fileName: () => OUTPUT[kind],
      },
      rollupOptions: {
        // Lazy chunks import shared code from the entry itself instead of a facade + extra chunk.
        preserveEntrySignatures: 'allow-extension',
        output: {
          chunkFileNames: 'complaint-form-[name]-[hash].js',
          // zod, shared by the schema and SLA chunks, under a name that says what it is.
          manualChunks: kind === 'es' ? chunkOf : undefined,
        },
        onwarn(warning, warn) {
          // zod's explanatory comments beside its @__PURE__ marks (~30 notices a build, nothing
          // to act on); the same notice about our own code still shows.
          if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/'))
            return;
          warn(warning);
        },
      },
    },
  };
}

// `npx vite build widget` builds the ES module; widget/build.ts builds everything.
export default widgetConfig('es', here('dist'));
