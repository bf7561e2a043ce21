/**
 * `npm run bench`: runs every `test/bench/*.bench.ts` (each exports `bench(): Promise<BenchRow[]>`)
 * and prints one table. Exits non-zero when a row misses its budget, so a regression is loud;
 * tests never assert timings.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchRow } from './row';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const rows: (BenchRow & { ok: boolean | undefined })[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(`${dir}/${file}`).href)) as {
    bench: () => Promise<BenchRow[]>;
  };
  try {
    for (const row of await mod.bench()) {
      const ok =
        row.budget === undefined
          ? undefined
          : row.kind === 'min'
            ? row.value >= row.budget
            : row.value <= row.budget;
      rows.push({ ...row, ok });
      process.stderr.write(`  ${row.metric}: ${fmt(row.value)} ${row.unit}\n`);
    }
  } catch (err) {
    rows.push({
      metric: `${file} failed: ${(err as Error).message}`,
      value: Number.NaN,
      unit: '',
      ok: false,
    });
  }
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 1);
}

const table = [
  ['metric', 'value', 'unit', 'budget', 'ok?'],
  ...rows.map((r) => [
    r.metric,
    fmt(r.value),
    r.unit,
    r.budget === undefined ? '' : `${r.kind === 'min' ? '≥' : '≤'} ${fmt(r.budget)}`,
    r.ok === undefined ? '' : r.ok ? 'ok' : 'MISS',
  ]),
];
const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
const line = (row: string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
console.log(line(table[0]!));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of table.slice(1)) console.log(line(row));
if (rows.some((r) => r.ok === false)) process.exitCode = 1;
