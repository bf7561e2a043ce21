/** The widget's custom-elements.json ships in the build and the server serves it next to the script. */
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Package } from 'custom-elements-manifest/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from './support/server';
import { cachedBuild } from '../widget/build';
import { elementOf } from '../widget/manifest';
import { OUTPUT } from '../widget/vite.config';

describe('custom-elements.json in the build', () => {
  let dist: string;
  let widgetDir: string;
  beforeAll(async () => {
    dist = await cachedBuild();
    widgetDir = mkdtempSync(join(tmpdir(), 'cd-cem-'));
    symlinkSync(dist, join(widgetDir, 'dist'));
  }, 120_000);
  afterAll(() => rmSync(widgetDir, { recursive: true, force: true }));

  it('ships next to the script and is served from /widget/', async () => {
    const built = JSON.parse(readFileSync(join(dist, OUTPUT.manifest), 'utf8')) as Package;
    expect(elementOf(built)?.tagName).toBe('complaint-form');
    const app = testApp({ pool: undefined as never, kind: 'pglite' }, { config: { widgetDir } });
    const res = await app.request(`/widget/${OUTPUT.manifest}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual(built);
  });
});
