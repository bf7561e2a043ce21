/**
 * What each entry of the built extension loads first, and its budget: the bench's size rows
 * (`npm run bench extension`) and extension/size.test.ts read both from here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const IMPORT = /(?:from|import)\s*["']([^"']+\.js)["']|(?:src|href)="([^"]+\.(?:js|css))"/g;

/** The entry file and everything it statically loads, gzipped one by one. */
export function entrySize(dir: string, entry: string): number {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(dir, file), 'utf8');
    if (file.endsWith('.css')) return;
    for (const m of text.matchAll(IMPORT)) {
      const ref = (m[1] ?? m[2])!;
      const base =
        file.includes('/') && ref.startsWith('./') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
      visit(
        ref.startsWith('/')
          ? ref.slice(1)
          : (base + ref.replace(/^\.\//, '')).replace(/^chunks\/chunks\//, 'chunks/'),
      );
    }
  };
  visit(entry);
  let total = 0;
  for (const f of seen)
    if (!f.endsWith('.html')) total += gzipSync(readFileSync(join(dir, f)), { level: 9 }).length;
  return total;
}

/**
 * KB gzip per entry. The popup opens on every click of the toolbar button: 60 KB is issue 15's
 * goal (zod and the large catalogues out of its first render). The others are what they weighed
 * when budgets were set, plus ~10% room, so growth is a decision, not a drift.
 */
export const SIZE_BUDGET_KB: Record<string, number> = {
  popup: 60,
  // 105 until 2026-12-07; 110 since: the worker must carry the severity reader's code statically
  // (an MV3 worker cannot import()), and each rules round adds reader mechanisms (+0.8 KB for
  // the heldout-10 round, which took it to 105.4). The rules themselves are a file it fetches.
  // 112 since session 7: the heldout-15 round's mechanisms and the reader's pass over a thing
  // with no state ahead (0.3 KB for ~5 % of the bench's CPU) took it to 110.2.
  background: 112,
  'capture-page': 35,
  'content-scripts/webmail': 4,
  offscreen: 40,
};
/**
 * Pages not listed above (case, options, register, report, side panel). On 2026-12-07 after the
 * default text rules, the workflow and the detail readers left their first loads: case 93.7,
 * options 70.9, register and side panel 65.6, report 70.4 KB.
 */
export const PAGE_BUDGET_KB = 120;

/** Every entry's first load (gzip -9 bytes) with its budget (KB), in a built extension `dir`. */
export function firstLoadSizes(dir: string): { name: string; bytes: number; budgetKb: number }[] {
  const entries = [
    'background.js',
    'capture-page.js',
    'content-scripts/webmail.js',
    ...readdirSync(dir).filter((f) => f.endsWith('.html')),
  ];
  return entries.map((entry) => {
    const name = entry.replace(/\.(html|js)$/, '');
    return {
      name,
      bytes: entrySize(dir, entry),
      budgetKb: SIZE_BUDGET_KB[name] ?? PAGE_BUDGET_KB,
    };
  });
}
