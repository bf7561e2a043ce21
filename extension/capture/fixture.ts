import type { PageSnapshot } from './snapshot';
import type { ProviderId } from './types';

// A wrong capture as a test fixture in the project's format (test/fixtures/webmail/<provider>/):
// `<name>.html` with its header comment, `<name>--<iframe id>.frame.html` per frame, and
// `<name>.expected.json` with the fields as the agent corrected them — what the extractor
// should have found. scripts/add-fixture.mjs writes the bundle into the tree.

/** What the provider suite checks (test/fixtures/webmail/provider-suite.ts `Expected`). */
export interface FixtureExpected {
  from?: { name?: string; address?: string };
  subject?: string;
  body: string[];
  attachments?: string[];
  preview: boolean;
}

export interface FixtureFile {
  path: string;
  content: string;
}

export interface FixtureBundle {
  kind: 'complaint-desk-fixture';
  version: 1;
  files: FixtureFile[];
}

const comment = (s: string) => s.replace(/-->/g, '--&gt;').replace(/\s+/g, ' ').trim();

function header(fields: Record<string, string>): string {
  const lines = Object.entries(fields).map(([k, v]) => `  ${k}: ${comment(v)}`);
  return `<!--\n${lines.join('\n')}\n-->\n`;
}

/** A file-name-safe fixture name: provider UI + date, or what the agent typed. */
export function fixtureName(raw: string): string {
  return (
    raw
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'reported'
  );
}

export function fixtureBundle(
  snapshot: PageSnapshot,
  meta: {
    provider: ProviderId;
    name: string;
    /** ISO date of the report. */
    reported: string;
    /** What went wrong, in the agent's words or the field list. */
    note: string;
    expected: FixtureExpected;
  },
): FixtureBundle {
  const name = fixtureName(meta.name);
  const dir = meta.provider;
  const day = meta.reported.slice(0, 10);
  const files: FixtureFile[] = [
    {
      path: `${dir}/${name}.html`,
      content:
        header({
          fixture: `${dir}/${name}: reported from the side panel ("This capture is wrong"): ${meta.note}`,
          crafted: `${day}, a live page saved by the extension (scripts, handlers, form values and session parameters removed); expectations are the agent's corrections`,
          locale: snapshot.lang || 'unknown',
          ui: `${snapshot.title || dir} (as reported)`,
          url: snapshot.url,
        }) + snapshot.html,
    },
    ...Object.entries(snapshot.frames).map(([id, frame]) => ({
      path: `${dir}/${name}--${id}.frame.html`,
      content:
        header({
          fixture: `${dir}/${name}--${id} (frame document of ${name}.html, iframe#${id})`,
          crafted: `${day}, saved by the extension with its page`,
          locale: snapshot.lang || 'unknown',
          ui: 'frame',
          url: frame.url,
        }) + frame.html,
    })),
    {
      path: `${dir}/${name}.expected.json`,
      content: `${JSON.stringify(meta.expected, null, 2)}\n`,
    },
  ];
  return { kind: 'complaint-desk-fixture', version: 1, files };
}
