/**
 * The repository documents itself (docs/): no file may point at design notes outside it. The
 * names are assembled here so this file does not match itself.
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUTSIDE = new RegExp(['\\.\\./shared', 'docs'].join('/'));
const NOTES = ['domain', 'webmail', 'architecture', 'toolchain'].join('|');
/** One of those note names without the `docs/` folder in front of it. */
const BARE = new RegExp(`(?<![\\w/.-])(${NOTES})\\.md`);
const TEXT = /\.(ts|tsx|js|mjs|cjs|json|md|sql|css|html|yml|yaml|sh|txt)$|(^|\/)run$/;

const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => TEXT.test(f) && f !== 'package-lock.json');

it('no file refers to the shared design notes outside the repository', () => {
  const offending = files.filter((f) => {
    let text: string;
    try {
      text = readFileSync(join(ROOT, f), 'utf8');
    } catch {
      return false; // listed but deleted in the work tree
    }
    return OUTSIDE.test(text) || (!f.startsWith('docs/') && BARE.test(text));
  });
  expect(offending).toEqual([]);
});

it('the notes the code cites exist in docs/', () => {
  for (const name of ['rules', 'architecture', 'decisions', 'webmail', 'toolchain']) {
    expect(readFileSync(join(ROOT, 'docs', `${name}.md`), 'utf8').length).toBeGreaterThan(500);
  }
});
