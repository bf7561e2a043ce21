/**
 * The rule book (docs/rules.md) and the tests agree: every rule id in the book has a test whose
 * title carries it, every rule id in a test title is in the book, and every test file the book
 * names exists and carries the rule's id.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BOOK = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8');
const SKIP = new Set(['node_modules', '.output', 'dist', '.wxt', 'data', 'out']);
/** A rule id at the start of a test title: `describe('R-ESC-1 …'`, `it.each(…)('R-…`. */
const TITLE_ID = /['"`](R-[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)\s/g;

function testFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) testFiles(path, out);
    else if (/\.test\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

const sections = BOOK.split(/^### /m).slice(1);
const bookIds = sections.map((s) => /^(R-[A-Z0-9-]+) — /.exec(s)?.[1]);
const testIds = new Map<string, string[]>();
for (const file of ['shared', 'server', 'extension', 'widget', 'test'].flatMap((d) =>
  testFiles(join(ROOT, d)),
)) {
  for (const [, id] of readFileSync(file, 'utf8').matchAll(TITLE_ID)) {
    const files = testIds.get(id!) ?? [];
    files.push(relative(ROOT, file));
    testIds.set(id!, files);
  }
}

describe('the rule book', () => {
  it('every section is a rule with an id, each id once', () => {
    expect(bookIds.every((id) => id !== undefined)).toBe(true);
    expect(new Set(bookIds).size).toBe(bookIds.length);
  });

  it.each(bookIds.map((id) => [id!]))('%s has a test carrying its id', (id) => {
    expect(testIds.get(id), `no test title starts with ${id}`).toBeDefined();
  });

  it('every rule id in a test title is in the book', () => {
    const missing = [...testIds.keys()].filter((id) => !bookIds.includes(id));
    expect(missing).toEqual([]);
  });

  it.each(sections.map((s) => [/^(R-[A-Z0-9-]+)/.exec(s)![1]!, s]))(
    '%s: the test files it names exist and carry the id',
    (id, section) => {
      const named = [...section.matchAll(/`([\w./-]+\.test\.tsx?)`/g)].map((m) => m[1]!);
      for (const path of named.filter((p) => p.includes('/'))) {
        expect(existsSync(join(ROOT, path)), `${path} (named by ${id}) does not exist`).toBe(true);
        expect(testIds.get(id) ?? [], `${path} has no test titled ${id}`).toContain(path);
      }
    },
  );
});
