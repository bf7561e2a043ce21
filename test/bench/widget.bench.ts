/**
 * Widget rows of `npm run bench`: gzipped size of each build file, and the time from navigation
 * start to an interactive form in Chromium, beside a plain HTML `<form>` in the same run.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cachedBuild, gzipSize } from '../../widget/build';
import { startDemoServer } from '../../widget/demo/server';
import { OUTPUT } from '../../widget/vite.config';
import { launchBrowser } from '../e2e/browser';
import type { BenchRow } from './row';

const RUNS = 9;

// The moment the form can take input, from navigation start. The widget renders in a microtask
// its upgrade queues (after `whenDefined` resolves, so check one microtask later, then poll);
// the plain form is ready when the parser reaches the script after it.
const WIDGET_PROBE = `<script>
const ready = () => document.querySelector('complaint-form').shadowRoot?.querySelector('textarea');
function poll() { if (ready()) window.__ready = performance.now(); else setTimeout(poll, 0); }
customElements.whenDefined('complaint-form').then(() => queueMicrotask(poll));
</script>`;
const PLAIN_PROBE = '<script>window.__ready = performance.now();</script>';

const FIELDS = ['Your name', 'Phone', 'Email', 'Postal address', 'What is it about?', 'Subject']
  .map((label, i) => `<label for="f${i}">${label}</label><input id="f${i}">`)
  .join('');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function bench(): Promise<BenchRow[]> {
  const dir = await cachedBuild();
  const files = readdirSync(dir);
  const chunk = (name: string) => files.find((f) => f.startsWith(`complaint-form-${name}-`))!;
  const kb = (file: string) => Math.round((gzipSize(join(dir, file)) / 1024) * 10) / 10;
  const rows: BenchRow[] = [
    // 15 KB: the first load every page view pays (widget/size.test.ts explains the budget).
    { metric: 'widget ES entry (first load), gzip', value: kb(OUTPUT.es), unit: 'KB', budget: 15 },
    {
      metric: 'widget lazy: schema (zod) chunk, gzip',
      value: kb(chunk('zod')) + kb(chunk('validate')),
      unit: 'KB',
    },
    { metric: 'widget lazy: read-back/success chunk, gzip', value: kb(chunk('flow')), unit: 'KB' },
    { metric: 'widget lazy: outbox (Dexie) chunk, gzip', value: kb(chunk('outbox')), unit: 'KB' },
    { metric: 'widget IIFE (everything but the outbox), gzip', value: kb(OUTPUT.iife), unit: 'KB' },
    { metric: 'widget IIFE outbox script, gzip', value: kb(OUTPUT.outbox), unit: 'KB' },
  ];

  const server = await startDemoServer({ dist: dir });
  const browser = await launchBrowser();
  try {
    server.pages.set('/bench-widget.html', {
      html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>w</title>
<script type="module" src="/widget/complaint-form.js"></script></head><body>
<complaint-form endpoint="/api/v1/intake"></complaint-form>
${WIDGET_PROBE}</body></html>`,
    });
    server.pages.set('/bench-plain.html', {
      html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>p</title></head><body>
<form action="/api/v1/intake" method="post">${FIELDS}<label for="d">What happened?</label><textarea id="d"></textarea>
<button>Send</button></form>${PLAIN_PROBE}</body></html>`,
    });
    const measure = async (path: string) => {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const page = await browser.newPage(); // a fresh page: nothing compiled or cached in memory
        await page.goto(`${server.url}${path}`);
        await page.waitForFunction(() => '__ready' in window);
        times.push(await page.evaluate(() => (window as unknown as { __ready: number }).__ready));
        await page.close();
      }
      return median(times);
    };
    await measure('/bench-widget.html'); // warm up the server and the browser's caches alike
    const plain = await measure('/bench-plain.html');
    const widget = await measure('/bench-widget.html');
    rows.push(
      {
        metric: 'widget: navigation → interactive form (Chromium, median)',
        value: widget,
        unit: 'ms',
      },
      {
        metric: 'plain <form>: navigation → interactive form (same run)',
        value: plain,
        unit: 'ms',
      },
      // Localhost: this is the cost of parsing, running and rendering, not of the network.
      { metric: 'widget / plain form time-to-interactive ratio', value: widget / plain, unit: '×' },
    );
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}
