/**
 * The custom-elements manifest says what the README says: every attribute, event, CSS part,
 * custom property and state documented there is in custom-elements.json, and nothing else is.
 * test/widget-manifest-served.test.ts checks that it ships in the build and is served.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { customElementsManifest, elementOf as element } from './manifest';
import { OUTPUT } from './vite.config';

const README = readFileSync(new URL('./README.md', import.meta.url), 'utf8');

/** First-column names (in backticks) of the README table whose header starts with `header`. */
function readmeColumn(header: string): string[] {
  const lines = README.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^\\|\\s*${header}\\s*\\|`).test(l));
  if (start < 0) throw new Error(`no README table headed "${header}"`);
  const names: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').map((c) => c.trim());
    // Custom-property rows name the light property first and the dark one in a later column.
    for (const cell of header === 'custom property' ? [cells[1], cells[3]] : [cells[1]])
      names.push(...[...(cell ?? '').matchAll(/^`([^`]+)`/g)].map((m) => m[1]!));
  }
  return names;
}

const sorted = (names: (string | undefined)[]) => [...names].map(String).sort();

describe('custom-elements.json', () => {
  const manifest = customElementsManifest();
  const el = element(manifest)!;

  it('defines <complaint-form> in complaint-form.js', () => {
    expect(el).toMatchObject({ customElement: true, tagName: 'complaint-form' });
    expect(manifest.modules.map((m) => m.path)).toEqual([OUTPUT.es]);
    expect(manifest.modules[0]!.exports).toContainEqual({
      kind: 'custom-element-definition',
      name: 'complaint-form',
      declaration: { name: 'ComplaintFormElement', module: OUTPUT.es },
    });
  });

  it.each([
    ['attribute', () => el.attributes?.map((a) => a.name)],
    ['event', () => el.events?.map((e) => e.name)],
    ['part', () => el.cssParts?.map((p) => p.name)],
    ['custom property', () => el.cssProperties?.map((p) => p.name)],
  ])('lists exactly the README’s %s table', (header, names) => {
    const documented = readmeColumn(header);
    expect(documented.length).toBeGreaterThan(3);
    expect(sorted(names() ?? [])).toEqual(sorted(documented));
  });

  it('lists the custom states the README names', () => {
    const line = README.split('\n\n').find((p) => p.startsWith('Custom states'))!;
    const documented = [...line.replace(/^[^:]*:/, '').matchAll(/`(\w+)`/g)].map((m) => m[1]);
    expect(sorted(el.cssStates?.map((s) => s.name) ?? [])).toEqual(sorted(documented));
  });

  it('documents the public members, not the private ones', () => {
    const members = el.members?.map((m) => m.name) ?? [];
    expect(members).toEqual(expect.arrayContaining(['endpoint', 'site', 'theme', 'reset']));
    expect(members).not.toContain('root');
  });
});
