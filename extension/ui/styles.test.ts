/**
 * Symbols the style sheets draw must render on every machine: a character that defaults to
 * emoji presentation (⏳, ✅…) needs an emoji font, and without one shows as an empty box.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SHEETS = [
  ...readdirSync(join(ROOT, 'extension/ui'))
    .filter((f) => f.endsWith('.css'))
    .map((f) => `extension/ui/${f}`),
  ...readdirSync(join(ROOT, 'widget/src'))
    .filter((f) => f.endsWith('.css'))
    .map((f) => `widget/src/${f}`),
];

describe('generated content in the style sheets', () => {
  it('finds the sheets', () => {
    expect(SHEETS).toContain('extension/ui/review.css');
  });

  it.each(SHEETS)('%s draws no character that needs an emoji font', (sheet) => {
    const css = readFileSync(join(ROOT, sheet), 'utf8');
    const generated = [...css.matchAll(/content:\s*([^;]*);/g)].map((m) => m[1]!);
    expect(generated.filter((c) => /\p{Emoji_Presentation}/u.test(c))).toEqual([]);
  });
});
