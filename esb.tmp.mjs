import * as esbuild from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
const entry = process.argv[2] ?? 'extension/entrypoints/popup/main.tsx';
const r = await esbuild.build({
  entryPoints: [entry], bundle: true, write: false, format: 'esm', minify: true, metafile: true,
  splitting: true, outdir: '/tmp/restructure/esb', jsx: 'automatic', jsxImportSource: 'preact',
  alias: { '@shared': './shared' }, loader: { '.css': 'empty' },
  define: { 'process.env.NODE_ENV': '"production"', 'import.meta.env.BROWSER': '"chrome"' },
  external: [], logLevel: 'error',
});
const out = r.metafile.outputs;
const entryOut = Object.keys(out).find((k) => out[k].entryPoint);
const seen = new Set();
const walk = (k) => { if (seen.has(k)) return; seen.add(k); for (const i of out[k].imports) if (i.kind === 'import-statement') walk(i.path); };
walk(entryOut);
let gz = 0; const byIn = new Map();
for (const k of seen) {
  const f = r.outputFiles.find((o) => o.path.endsWith(k.replace(/^.*esb\//, '/')));
  gz += gzipSync(f.contents, { level: 9 }).length;
  for (const [inp, v] of Object.entries(out[k].inputs)) {
    const key = inp.replace(/^node_modules\/((@[^/]+\/)?[^/]+).*/, 'nm:$1').replace(process.argv[3] === 'files' ? /^$/ : /^(shared\/[^/]+|extension\/[^/]+)\/.*/, '$1');
    byIn.set(key, (byIn.get(key) ?? 0) + v.bytesInOutput);
  }
}
console.log('first-load gz', (gz / 1024).toFixed(1), 'KB in', seen.size, 'files');
for (const [k, n] of [...byIn].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[4] ?? 30))) console.log(String(n).padStart(8), k);
