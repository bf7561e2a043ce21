import { readFileSync } from 'node:fs';
import { SourceMapConsumer } from 'source-map-js';
const file = process.argv[2];
const code = readFileSync(file, 'utf8');
const map = new SourceMapConsumer(JSON.parse(readFileSync(file + '.map', 'utf8')));
const lines = code.split('\n');
const sizes = new Map();
let last = null; let lastPos = null;
map.eachMapping((m) => {
  if (last !== null) {
    // attribute chars between previous mapping and this one to previous source
    const [pl, pc] = lastPos;
    let n = m.generatedLine === pl ? m.generatedColumn - pc : lines[pl - 1].length - pc;
    sizes.set(last, (sizes.get(last) ?? 0) + n);
  }
  last = m.source ?? '(none)'; lastPos = [m.generatedLine, m.generatedColumn];
});
const agg = new Map();
for (const [s, n] of sizes) {
  let k = s.replace(/^.*node_modules\//, 'nm:').replace(/^(nm:(@[^/]+\/)?[^/]+).*/, '$1').replace(/^.*\/(shared|extension)\//, '$1/');
  if (process.argv[3] !== 'files') k = k.replace(/^(shared\/[^/]+|extension\/[^/]+).*/, '$1');
  agg.set(k, (agg.get(k) ?? 0) + n);
}
for (const [k, n] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(String(n).padStart(8), k);
