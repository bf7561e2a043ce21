/**
 * Which HTML of a synced event goes through the sanitizer, and where the result lands. What the
 * real DOMPurify makes of hostile HTML on this path is proven in Chromium (the DOM shims do not
 * run it faithfully): test/e2e/capture-xss.test.ts, "arrived by sync".
 */
import { describe, expect, it } from 'vitest';
import { dropHtml, sanitizeSyncedEvents } from './synced-html';

const HOSTILE =
  '<p>canary</p><img src="x" onerror="parent.postMessage(\'xss\',\'*\')"><script>alert(1)</script><a href="javascript:alert(2)">link</a>';

const event = (payload: Record<string, unknown>) => ({
  id: 'e1',
  complaintId: 'c1',
  type: 'captured',
  payload,
});

describe('sanitizeSyncedEvents', () => {
  // A stand-in that marks what it was given: the walker's job is to route every HTML through it.
  const sanitize = (html: string[]) => html.map((h) => `clean(${h.length})`);

  it('sanitizes a draft’s and a registration record’s source HTML, leaving the input alone', async () => {
    const captured = event({ draft: { description: 'd', source: { html: HOSTILE } } });
    const registered = {
      ...event({ record: { source: { html: HOSTILE, method: 'dom' } }, caseNumber: '2611-0001' }),
      type: 'registered',
    };
    const [a, b] = await sanitizeSyncedEvents([captured, registered], sanitize);
    expect(a!.payload).toEqual({
      draft: { description: 'd', source: { html: `clean(${HOSTILE.length})` } },
    });
    expect(b!.payload).toEqual({
      record: { source: { html: `clean(${HOSTILE.length})`, method: 'dom' } },
      caseNumber: '2611-0001',
    });
    expect(captured.payload).toEqual({ draft: { description: 'd', source: { html: HOSTILE } } });
  });

  it('sends the whole batch to the sanitizer at once and passes other events through untouched', async () => {
    const calls: string[][] = [];
    const plain = event({ note: 'no html' });
    const out = await sanitizeSyncedEvents(
      [
        plain,
        event({ draft: { source: { html: '<b>1</b>' } } }),
        event({ draft: { source: { html: '<i>2</i>' } } }),
      ],
      (html) => {
        calls.push(html);
        return sanitize(html);
      },
    );
    expect(calls).toEqual([['<b>1</b>', '<i>2</i>']]);
    expect(out.map((e) => JSON.stringify(e.payload))).toEqual([
      '{"note":"no html"}',
      '{"draft":{"source":{"html":"clean(8)"}}}',
      '{"draft":{"source":{"html":"clean(8)"}}}',
    ]);
    expect(out[0]).toBe(plain);
  });

  it('removes HTML that is not a string or sanitizes to nothing; without a sanitizer keeps none', async () => {
    const [odd] = await sanitizeSyncedEvents(
      [event({ draft: { source: { html: 42 } } })],
      sanitize,
    );
    expect(odd!.payload).toEqual({ draft: { source: {} } });
    const [dropped] = await sanitizeSyncedEvents(
      [event({ draft: { source: { html: '<p>fine</p>', url: 'https://a.example' } } })],
      dropHtml,
    );
    expect(dropped!.payload).toEqual({ draft: { source: { url: 'https://a.example' } } });
  });
});
