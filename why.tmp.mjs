import * as esbuild from 'esbuild';
const [entry, target] = [process.argv[2], process.argv[3]];
const r = await esbuild.build({ entryPoints: [entry], bundle: true, write: false, format: 'esm', metafile: true, splitting: true, outdir: '/tmp/restructure/esb2', jsx: 'automatic', jsxImportSource: 'preact', alias: { '@shared': './shared' }, loader: { '.css': 'empty' }, logLevel: 'error' });
const ins = r.metafile.inputs;
const prev = new Map(); const q = [entry]; prev.set(entry, null);
while (q.length) { const k = q.shift(); for (const i of ins[k]?.imports ?? []) { if (i.kind !== 'import-statement' || i.path.includes('(disabled)')) continue; if (!prev.has(i.path)) { prev.set(i.path, k); q.push(i.path); } } }
for (const t of Object.keys(ins).filter((k) => k.includes(target))) { if (!prev.has(t)) continue; const chain = []; let c = t; while (c) { chain.push(c); c = prev.get(c); } console.log(chain.reverse().join('\n  → ')); break; }
