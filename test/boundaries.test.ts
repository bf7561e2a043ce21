/**
 * Architecture guard (docs/architecture.md "Folders"): imports run one way — widget, extension and
 * server import shared, never each other; shared imports none of them. Outside shared/ui, shared
 * is pure: no DOM, no extension APIs, and it never reads the clock (time is passed in). Modules
 * import each other without cycles, and test helpers (test/support) stay out of production code.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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

const isTest = (f: string) => /\.test\.tsx?$/.test(f);

const IMPORT =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2])!);
}

/**
 * The static imports of a file (value and type), resolved to files. A dynamic `import()` is a
 * code-split point, not an edge: a chunk may call back into the loader that fetched it, and the
 * loader may name the type of the chunk it loads.
 */
function staticImportsOf(file: string, known: ReadonlySet<string>): string[] {
  const text = readFileSync(file, 'utf8');
  const dynamic = new Set(
    [...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!),
  );
  const out: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g)) {
    const spec = m[1]!;
    if (dynamic.has(spec)) continue;
    const hit = resolveSpec(file, spec, known);
    if (hit) out.push(hit);
  }
  return out;
}

/** The file an import specifier names (relative or `@shared`), if it is one of `known`. */
function resolveSpec(file: string, spec: string, known: ReadonlySet<string>): string | undefined {
  const base = spec.startsWith('@shared/')
    ? join(ROOT, 'shared', spec.slice('@shared/'.length))
    : spec === '@shared'
      ? join(ROOT, 'shared')
      : spec.startsWith('.')
        ? resolve(dirname(file), spec)
        : undefined;
  if (!base) return undefined;
  return ['', '.ts', '.tsx', '/index.ts', '/index.tsx']
    .map((ext) => base + ext)
    .find((f) => known.has(f));
}

/** Strongly connected components with more than one file (Tarjan): each is an import cycle. */
function cycles(graph: ReadonlyMap<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) found.push(component.map((f) => relative(ROOT, f)).sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
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

describe('import cycles', () => {
  it('finds one in a graph that has one (the check itself works)', () => {
    const graph = new Map([
      ['/r/a.ts', ['/r/b.ts']],
      ['/r/b.ts', ['/r/c.ts']],
      ['/r/c.ts', ['/r/a.ts']],
      ['/r/d.ts', ['/r/a.ts']],
    ]);
    expect(cycles(graph).map((c) => c.length)).toEqual([3]);
    expect(
      cycles(
        new Map([
          ['/r/a.ts', ['/r/b.ts']],
          ['/r/b.ts', []],
        ]),
      ),
    ).toEqual([]);
  });

  // e.g. db/derive → review/queries → db/log → db/derive; a type-only loop counts too.
  it.each(PARTS)('%s/ production modules import each other without a cycle', (part) => {
    const files = sources(join(ROOT, part)).filter((f) => !isTest(f));
    const known = new Set([...files, ...sources(join(ROOT, 'shared'))]);
    const graph = new Map(files.map((f) => [f, staticImportsOf(f, known)]));
    expect(cycles(graph)).toEqual([]);
  });
});

describe('test helpers', () => {
  it('production code never imports test/ (helpers live in test/support)', () => {
    const bad: string[] = [];
    for (const part of PARTS)
      for (const file of sources(join(ROOT, part)).filter((f) => !isTest(f)))
        for (const spec of importsOf(file))
          if (targetPart(file, spec) === 'test') bad.push(`${relative(ROOT, file)} → ${spec}`);
    expect(bad).toEqual([]);
  });

  it('no production folder holds a test helper file', () => {
    const helpers = PARTS.flatMap((part) => sources(join(ROOT, part)))
      .map((f) => relative(ROOT, f))
      .filter((f) => /(^|\/)(test-(helpers|calendars)|testing)(\/|\.)/.test(f));
    expect(helpers).toEqual([]);
  });

  // A helper by any name: a module that only tests import (server/testing.ts was one). Entry
  // points that tests also import are named here with what starts them.
  it('no production module is imported by tests alone', () => {
    const ENTRIES = [
      'shared/index.ts', // the public API (index.test.ts snapshots it)
      'shared/i18n/on-demand.ts', // swapped in for index.ts by extension/wxt.config.ts
      'widget/src/index.ts', // widget/build.ts's entry
      'widget/build.ts', // npm scripts
      'server/cli.ts',
      // TODO [2027-01-15]: the sync seam's barrel (pendingEvents, markAccepted) is used by its
      // test only; fold it into the engine's modules or drop it.
      'extension/sync/index.ts',
    ];
    const files = PARTS.flatMap((part) => sources(join(ROOT, part)));
    const known = new Set(files);
    const importers = new Map<string, string[]>();
    for (const f of files) {
      const dynamic = [...readFileSync(f, 'utf8').matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)]
        .map((m) => resolveSpec(f, m[1]!, known))
        .filter((x): x is string => !!x);
      for (const to of [...staticImportsOf(f, known), ...dynamic])
        importers.set(to, [...(importers.get(to) ?? []), f]);
    }
    const testOnly = files
      .map((f) => relative(ROOT, f))
      .filter((f) => !isTest(f) && !ENTRIES.includes(f))
      .filter((f) => importers.get(join(ROOT, f))?.every(isTest));
    expect(testOnly).toEqual([]);
  });
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
