/**
 * Builds the widget into widget/dist (or `outDir`): `complaint-form.js` (ES module) with its lazy
 * chunks, `complaint-form.iife.js` + `complaint-form.outbox.js` for a plain `<script>`, and the
 * custom-elements polyfill the IIFE loads only when a browser lacks custom elements, and
 * `custom-elements.json` (the element's manifest, widget/manifest.ts); each beside its `.br` and
 * `.gz`, which the server sends as they are (compressing per request made a first visit wait).
 * `node --import tsx widget/build.ts` (called by `npm run build`).
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';
import { customElementsManifest } from './manifest';
import { OUTPUT, widgetConfig } from './vite.config';

export interface BuiltFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export const DIST = fileURLToPath(new URL('./dist', import.meta.url));

/** gzip -9 size, the number budgets are stated in. */
export function gzipSize(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

export async function buildWidget(outDir: string = DIST): Promise<BuiltFile[]> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const kind of ['es', 'iife', 'outbox'] as const) await build(widgetConfig(kind, outDir));
  const require = createRequire(import.meta.url);
  copyFileSync(
    require.resolve('@webcomponents/custom-elements/custom-elements.min.js'),
    join(outDir, OUTPUT.polyfill),
  );
  writeFileSync(
    join(outDir, OUTPUT.manifest),
    `${JSON.stringify(customElementsManifest(), null, 2)}\n`,
  );
  return readdirSync(outDir)
    .filter((f) => f.endsWith('.js') || f === OUTPUT.manifest)
    .sort()
    .map((file) => {
      const path = join(outDir, file);
      const bytes = readFileSync(path);
      const gzip = gzipSync(bytes, { level: 9 });
      writeFileSync(`${path}.gz`, gzip);
      writeFileSync(
        `${path}.br`,
        brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      );
      return { file, bytes: bytes.length, gzipBytes: gzip.length };
    });
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A hash of everything the build reads (widget and shared sources, build config). */
function sourceHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name === 'dist' || name === 'demo' || name === 'node_modules' || name.startsWith('.'))
        continue;
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|tsx|css)$/.test(name) && !/\.test\.tsx?$/.test(name)) {
        hash.update(relative(ROOT, full)).update(readFileSync(full));
      }
    }
  };
  walk(join(ROOT, 'widget'));
  walk(join(ROOT, 'shared'));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The widget built into a temp folder named after its sources, for tests and benchmarks: test
 * files running in parallel share one build, and a stale widget/dist is never what is measured.
 */
export async function cachedBuild(): Promise<string> {
  const dir = join(tmpdir(), `complaint-form-build-${sourceHash()}`);
  const lock = `${dir}.lock`;
  for (let waited = 0; !existsSync(join(dir, OUTPUT.es)); waited += 200) {
    try {
      mkdirSync(lock); // one builder; the others wait for it
    } catch {
      // A builder that died leaves its lock behind: take over after two minutes.
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 120_000 || waited > 120_000)
        rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    try {
      const work = `${dir}.${process.pid}`;
      await buildWidget(work);
      renameSync(work, dir);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return dir;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = await buildWidget();
  for (const f of files) {
    console.log(
      `  ${f.file.padEnd(44)} ${(f.bytes / 1024).toFixed(1).padStart(6)} KB  gzip ${(f.gzipBytes / 1024).toFixed(1)} KB`,
    );
  }
}
