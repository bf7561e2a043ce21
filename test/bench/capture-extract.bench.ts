/**
 * Capture bench rows: extraction time per provider page (every webmail fixture in happy-dom,
 * the registry's pick + extract, median of 20 runs after warm-up) and Readability on an ordinary
 * page. What the agent waits for in the page before the capture is journaled.
 */
import { Window } from 'happy-dom';
import { extractClip } from '../../extension/capture/extractors/registry';
import { capturePage } from '../../extension/capture/page';
import { PROVIDER_IDS } from '../../extension/capture/types';
import { listFixtures, loadFixture } from '../fixtures/webmail/load-fixture';
import type { BenchRow } from './row';

const RUNS = 20;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => unknown): number {
  for (let i = 0; i < 3; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    out.push(performance.now() - start);
  }
  return median(out);
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const provider of PROVIDER_IDS.filter((p) => p !== 'generic')) {
    const times: number[] = [];
    for (const meta of listFixtures(provider)) {
      const { doc, close } = loadFixture(meta, 'happy-dom');
      times.push(time(() => extractClip(doc, meta.url)));
      await close();
    }
    rows.push({
      metric: `capture extract ${provider} (median over ${times.length} pages, happy-dom)`,
      value: Math.round(median(times) * 100) / 100,
      unit: 'ms',
      // The capture must feel instant; extraction is one step of the 100 ms capture budget.
      budget: 50,
    });
  }
  const win = new Window({ url: 'https://forum.example.test/t/1' });
  win.document.write(
    `<!doctype html><html><head><title>Forum</title></head><body><nav>${'<a href="/x">link</a> '.repeat(50)}</nav><article><h1>Refund never arrived</h1>${'<p>I returned the vacuum cleaner on 2 November and the refund of 249.99 USD never arrived, the chat keeps closing my case.</p>'.repeat(30)}</article><footer>${'<a href="/y">footer</a> '.repeat(40)}</footer></body></html>`,
  );
  rows.push({
    metric: 'capture page without selection: Readability (30 paragraphs, happy-dom)',
    value: Math.round(time(() => capturePage(win as never)) * 100) / 100,
    unit: 'ms',
    budget: 100,
  });
  await win.happyDOM.close();
  return rows;
}
