/**
 * `npm run bench [filter…]`: runs every `test/bench/*.bench.ts` (each exports
 * `bench(): Promise<BenchRow[]>`) and prints one table. Exits 1 when a row misses its budget or a
 * file fails, so a regression is loud; tests never assert timings.
 *
 * Each file runs in its own Node process: bench files set up globals (fake-indexeddb, a happy-dom
 * window, a loaded Dexie) and hold hundreds of MB, and one file's set-up must not decide whether
 * the next one works or how fast it runs.
 */
import { fork } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchRow } from './row';

const dir = fileURLToPath(new URL('.', import.meta.url));
const self = fileURLToPath(import.meta.url);

type Result = { rows: BenchRow[] } | { error: string };

if (process.argv[2] === '--one') {
  const file = process.argv[3]!;
  let result: Result;
  try {
    const mod = (await import(pathToFileURL(`${dir}/${file}`).href)) as {
      bench: () => Promise<BenchRow[]>;
    };
    result = { rows: await mod.bench() };
  } catch (err) {
    result = { error: (err as Error).stack ?? String(err) };
  }
  process.send!(result, () => process.exit(0));
} else {
  await main(process.argv.slice(2));
}

/** Runs `file` in a child process; its rows, or why it failed. */
function runFile(file: string): Promise<Result> {
  return new Promise((resolve) => {
    const child = fork(self, ['--one', file], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: Result | undefined;
    child.on('message', (m) => {
      result = m as Result;
    });
    child.on('exit', (code, signal) =>
      resolve(result ?? { error: `exited (${code ?? signal}) without a result` }),
    );
  });
}

/** A row without a numeric budget (a file not type-checked against BenchRow) is a miss. */
function withinBudget(row: BenchRow): boolean {
  if (typeof row.budget !== 'number' || Number.isNaN(row.value)) return false;
  return row.kind === 'min' ? row.value >= row.budget : row.value <= row.budget;
}

// Rates below 1 keep three decimals: a precision of 0.946 shown as "0.95" beside "≥ 0.95 MISS"
// reads as a wrong verdict.
function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(n < 1 ? 3 : n < 10 ? 2 : 1);
}

async function main(only: string[]) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  if (files.length === 0) {
    console.error(`No bench file matches ${only.join(', ')}.`);
    process.exit(1);
  }

  const rows: (BenchRow & { ok: boolean })[] = [];
  for (const file of files) {
    process.stderr.write(`▸ ${file}\n`);
    const result = await runFile(file);
    if ('error' in result) {
      process.stderr.write(`${result.error}\n`);
      const reason = result.error.split('\n')[0];
      rows.push({
        metric: `${file} failed: ${reason}`,
        value: Number.NaN,
        unit: '',
        budget: 0,
        ok: false,
      });
      continue;
    }
    for (const row of result.rows) {
      rows.push({ ...row, ok: withinBudget(row) });
      process.stderr.write(`  ${row.metric}: ${fmt(row.value)} ${row.unit}\n`);
    }
  }

  const table = [
    ['metric', 'value', 'unit', 'budget', 'ok?'],
    ...rows.map((r) => [
      r.metric,
      fmt(r.value),
      r.unit,
      typeof r.budget !== 'number' || Number.isNaN(r.value)
        ? 'none'
        : `${r.kind === 'min' ? '≥' : '≤'} ${fmt(r.budget)}`,
      r.ok ? 'ok' : 'MISS',
    ]),
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  console.log(line(table[0]!));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of table.slice(1)) console.log(line(row));
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
}
