/**
 * Architecture guard (docs/architecture.md "Folders"): imports run one way — widget, extension and
 * server import shared, never each other; shared imports none of them. Outside shared/ui, shared
 * is pure: no DOM, no extension APIs, and it never reads the clock (time is passed in).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');
const PARTS = ['shared', 'widget', 'extension', 'server'] as const;

function sources(dir: string): string[] {
  const out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (['node_modules', 'dist', '.output', '.wxt'].includes(name)) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sources(full));
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

const isTest = (f: string) => /\.test\.tsx?$/.test(f) || f.includes('test-helpers');

const IMPORT =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2])!);
}

function partOf(file: string): string | undefined {
  return relative(ROOT, file).split('/')[0];
}

function targetPart(file: string, spec: string): string | undefined {
  if (spec.startsWith('@shared')) return 'shared';
  if (!spec.startsWith('.')) return undefined;
  return partOf(resolve(file, '..', spec));
}

describe('import boundaries', () => {
  for (const part of PARTS) {
    it(`${part}/ imports only itself and shared/`, () => {
      const bad: string[] = [];
      for (const file of sources(join(ROOT, part))) {
        for (const spec of importsOf(file)) {
          const target = targetPart(file, spec);
          // Tests beside the code may use the shared fixtures and helpers in test/.
          if (target === 'test' && isTest(file)) continue;
          if (target && target !== part && target !== 'shared')
            bad.push(`${relative(ROOT, file)} → ${spec}`);
          if (part === 'shared' && target && target !== 'shared')
            bad.push(`${relative(ROOT, file)} → ${spec}`);
        }
      }
      expect(bad).toEqual([]);
    });
  }
});

describe('shared/ is a pure core', () => {
  const files = sources(join(ROOT, 'shared')).filter(
    (f) => !relative(ROOT, f).startsWith('shared/ui/'),
  );

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  const rules: [string, RegExp][] = [
    ['reads the clock with Date.now()', /\bDate\.now\s*\(/],
    ['reads the clock with new Date()', /\bnew\s+Date\s*\(\s*\)/],
    ['reads the clock with performance.now()', /\bperformance\.now\s*\(/],
    [
      'uses browser extension APIs',
      /\b(?:browser|chrome)\.(?:runtime|tabs|storage|scripting|action)\b/,
    ],
    ['uses the DOM', /\b(?:document|window|navigator|localStorage|indexedDB)\s*[.[]/],
    ['imports preact', /from\s+['"]preact/],
  ];

  it.each(rules)('no non-test file %s', (_, pattern) => {
    const hits = files
      .filter((f) => !isTest(f))
      .filter((f) => pattern.test(readFileSync(f, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '')))
      .map((f) => relative(ROOT, f));
    expect(hits).toEqual([]);
  });
});
