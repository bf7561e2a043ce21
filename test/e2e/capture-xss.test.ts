/**
 * Hostile email HTML through the whole capture path in real Chromium: extract (from an inert
 * copy of a webmail page) → DOMPurify in the page → the stored ClipSource (JSON round trip) →
 * a `sandbox=""` iframe with the CSP srcdoc. No payload may run script, open a dialog or
 * fetch anything, even when its links are clicked.
 *
 * Layers are also proven one at a time (sanitizer alone, display frame alone), and a control
 * run renders the raw payloads unprotected to show the detectors do see script and fetches.
 *
 * No browser, no silent skip: a missing Chromium fails the suite with how to install it.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type XssPayload, xssPayloads } from '../fixtures/xss/payloads';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REMOTE_HOST = 'pwn.example.test';
const SETTLE_MS = 1500;

function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}: this test needs a real browser. Install it with ` +
        '`apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium/Chrome binary.',
    );
  }
  return path;
}

/** extension/capture as one IIFE (`window.Capture`), built from source for this run. */
async function bundleCapture(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    resolve: { alias: { '@shared': `${ROOT}shared` } },
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: false,
      lib: {
        entry: `${ROOT}extension/capture/index.ts`,
        name: 'Capture',
        formats: ['iife'],
        fileName: () => 'capture.js',
      },
    },
  });
  const result = Array.isArray(out) ? out[0]! : out;
  if (!('output' in result)) throw new Error('unexpected vite build result');
  return result.output[0].code;
}

// Runs in the test page. Plain JS (not transpiled), so nothing from the test's toolchain leaks in.
const HARNESS = `
window.__hits = [];
addEventListener('message', (e) => {
  if (typeof e.data === 'string' && e.data.startsWith('xss:')) window.__hits.push(e.data.slice(4));
});
const C = window.Capture;
let sanitize;
const parse = (html) => new DOMParser().parseFromString(html, 'text/html');

function extract(w) {
  const doc = parse(w.top);
  for (const [id, html] of Object.entries(w.frames || {})) {
    const frameDoc = parse(html);
    Object.defineProperty(doc.getElementById(id), 'contentDocument', { get: () => frameDoc });
  }
  return C.extractClip(doc, w.url);
}

function addFrame(id, srcdoc, sandboxed) {
  const f = document.createElement('iframe');
  if (sandboxed) f.setAttribute('sandbox', '');
  f.setAttribute('data-payload', id);
  f.width = 240;
  f.height = 120;
  const loaded = new Promise((resolve) => {
    f.addEventListener('load', resolve, { once: true });
    setTimeout(resolve, 5000);
  });
  f.srcdoc = srcdoc;
  document.body.append(f);
  return loaded;
}

window.runMode = async (mode, cases) => {
  sanitize ??= C.createSanitizer(window);
  const info = {};
  const loads = [];
  for (const c of cases) {
    let srcdoc;
    let sandboxed = false;
    if (mode === 'control') srcdoc = '<!doctype html><html><body>' + c.html + '</body></html>';
    else if (mode === 'sanitizer-only') srcdoc = '<!doctype html><html><body>' + sanitize(c.html) + '</body></html>';
    else if (mode === 'frame-only') {
      srcdoc = C.sandboxedSrcdoc(c.html);
      sandboxed = true;
    } else if (mode === 'sync') {
      // Another device pushed the raw payload (its own sanitizing skipped); this device
      // sanitizes what it receives before storing it, and shows it as the case view does.
      const event = { id: c.id, complaintId: 'c', type: 'captured', payload: { draft: {
        description: 'synced', source: { html: c.html, capturedAt: '2026-11-22T09:30:00.000Z', method: 'dom' } } } };
      const [safe] = await C.sanitizeSyncedEvents([event], (list) => list.map((h) => sanitize(h)));
      const stored = JSON.parse(JSON.stringify(safe));
      const html = stored.payload.draft.source.html || '';
      info[c.id] = { provider: 'sync', html };
      srcdoc = C.sandboxedSrcdoc(html);
      sandboxed = true;
    } else {
      const clip = extract(c.wrapper);
      const clean = C.sanitizeClip(clip, sanitize);
      const { source } = C.toSource(clean, { capturedAt: '2026-11-22T09:30:00.000Z' });
      const stored = JSON.parse(JSON.stringify(source));
      info[c.id] = { provider: clip.provider, html: stored.html || '' };
      srcdoc = C.sandboxedSrcdoc(stored.html || '');
      sandboxed = true;
    }
    loads.push(addFrame(c.id, srcdoc, sandboxed));
  }
  await Promise.all(loads);
  return info;
};
`;

interface Wrapper {
  provider: string;
  url: string;
  top: string;
  frames?: Record<string, string>;
}

const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
const FROM = 'attacker@evil.example.test';

/** Minimal reading views of each webmail (the selectors of the extractors), around a payload. */
const WRAPPERS: ((id: string, body: string) => Wrapper)[] = [
  (id, body) => ({
    provider: 'gmail',
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQ',
    top: page(
      `Payload ${id} - agent@acme.example.test - Gmail`,
      `<div role="main"><h2 class="hP" data-legacy-thread-id="19ad000000000001">Payload ${id}</h2><div role="list"><div class="h7"><div class="adn ads" data-message-id="#msg-f:1" data-legacy-message-id="19ad000000000001"><span class="gD" email="${FROM}" name="Mallory">Mallory</span><span class="g3" title="Fri, Nov 20, 2026, 3:42 PM">3:42 PM</span><div class="ii gt"><div class="a3s aiL">${body}</div></div></div></div></div></div>`,
    ),
  }),
  (id, body) => ({
    provider: 'outlook',
    url: 'https://outlook.office.com/mail/inbox/id/AAQkADAw',
    top: page(
      'Mail - Outlook',
      `<div id="ReadingPaneContainerId"><div data-app-section="ConversationContainer"><div role="heading" aria-level="1">Payload ${id}</div><div aria-expanded="true"><div aria-label="From: Mallory"><span title="${FROM}">Mallory</span></div><div data-testid="SentReceivedSavedTime" title="Fri 11/20/2026 3:42 PM"></div><div id="UniqueMessageBody_1" role="document">${body}</div></div></div></div>`,
    ),
  }),
  (id, body) => ({
    provider: 'yahoo',
    url: 'https://mail.yahoo.com/d/folders/1/messages/AKqJ3b8',
    top: page(
      'Yahoo Mail',
      `<span data-test-id="message-group-subject-text">Payload ${id}</span><div data-test-id="message-view"><header><div data-test-id="message-from"><button data-test-id="email-pill" title="${FROM}"><span><span>Mallory</span></span></button></div></header><div data-test-id="message-view-body-content">${body}</div></div>`,
    ),
  }),
  (id, body) => ({
    provider: 'qq-new',
    url: 'https://wx.mail.qq.com/home/index#/read/1/ZC1',
    top: page(
      'QQ邮箱',
      `<div class="mail_app"><div class="mail-list-page-reader-body reader-body-children"><div class="mail-detail-subject"><span>Payload ${id}</span></div><div><span>发件人：</span><span class="cmp-account-wrap">Mallory</span></div><div class="mail-detail-content">${body}</div></div></div>`,
    ),
  }),
  (id, body) => ({
    provider: 'qq-classic',
    url: 'https://mail.qq.com/cgi-bin/frame_html?sid=x',
    top: page(
      'QQ邮箱',
      '<iframe id="mainFrame" name="mainFrame" src="/cgi-bin/readmail?mailid=ZC1"></iframe>',
    ),
    frames: {
      mainFrame: page(
        'QQ邮箱',
        `<div id="mainmail"><span id="subject">Payload ${id}</span><table><tr><td>发件人：</td><td><span e="${FROM}" n="Mallory">Mallory</span></td></tr></table><div id="mailContentContainer" class="qmbox">${body}</div></div>`,
      ),
    },
  }),
  (id, body) => ({
    provider: 'netease',
    url: 'https://mail.163.com/js6/main.jsp#module=read.ReadModule%7C%7B%22id%22%3A%221%3Aab%22%7D',
    top: page(
      '网易邮箱',
      `<div id="_dvModuleContainer_read.ReadModule_0"><h1 id="1_h1Subject">Payload ${id}</h1><div><span>发件人：</span><span class="nui-addr"><span class="nui-addr-name">Mallory</span><span class="nui-addr-email">&lt;${FROM}&gt;</span></span></div><iframe id="1_frameBody"></iframe></div>`,
    ),
    frames: {
      '1_frameBody': page('', `<div id="content" class="netease_mail_readhtml">${body}</div>`),
    },
  }),
  (id, body) => ({
    provider: 'generic',
    url: 'https://lists.example.test/archives/1',
    top: page(
      `Payload ${id}`,
      `<article><div>From: Mallory &lt;${FROM}&gt;</div><div>Subject: Payload ${id}</div><div>${body}</div></article>`,
    ),
  }),
];

interface Run {
  /** Payload ids that ran script (postMessage to the top page). */
  executed: string[];
  dialogs: string[];
  /** Requests to the test server's /pwn and to the blackhole host that reached the network. */
  fetched: string[];
  /** What the server itself received on /pwn. */
  serverHits: string[];
  /** Requests to any other host (none are expected at all). */
  external: string[];
  clicked?: number;
  info: Record<string, { provider: string; html: string }>;
}

describe('captured email HTML cannot run script or fetch (Chromium)', { timeout: 120_000 }, () => {
  let browser: Browser;
  let server: ReturnType<typeof createServer>;
  let origin: string;
  let payloads: XssPayload[];
  const serverHits: string[] = [];

  beforeAll(async () => {
    const executablePath = chromiumPath();
    const [bundle] = await Promise.all([bundleCapture()]);
    server = createServer((req, res) => {
      const url = req.url ?? '/';
      if (url.startsWith('/pwn')) {
        serverHits.push(url);
        res.writeHead(200, { 'content-type': 'text/plain' }).end('pwned');
      } else if (url === '/') {
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(
            '<!doctype html><html><head><meta charset="utf-8"><title>capture-xss</title></head><body><script src="/capture.js"></script><script src="/harness.js"></script></body></html>',
          );
      } else if (url === '/capture.js') {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
      } else if (url === '/harness.js') {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(HARNESS);
      } else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    payloads = xssPayloads({ pwn: `${origin}/pwn`, remote: `https://${REMOTE_HOST}/` });
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function openPage(): Promise<{
    context: BrowserContext;
    page: Page;
    run: Omit<Run, 'info'>;
  }> {
    serverHits.length = 0;
    const context = await browser.newContext();
    const run: Omit<Run, 'info'> = {
      executed: [],
      dialogs: [],
      fetched: [],
      serverHits,
      external: [],
    };
    // The network layer is the ground truth: what reaches it left the page. (Playwright may
    // report a `request` for a load that CSP then blocks before it goes out.)
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/pwn`)) run.fetched.push(url);
      if (url.startsWith(`${origin}/`)) return route.continue();
      if (new URL(url).hostname === REMOTE_HOST) run.fetched.push(url);
      else run.external.push(url);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.on('dialog', (d) => {
      run.dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('popup', (p) => run.fetched.push(`popup:${p.url()}`));
    await page.goto(`${origin}/`);
    return { context, page, run };
  }

  async function runMode(mode: string, click = false): Promise<Run> {
    const { context, page, run } = await openPage();
    try {
      const cases = payloads.map((p, i) => ({
        id: p.id,
        html: `<p>canary:${p.id}</p>${p.html}`,
        wrapper: WRAPPERS[i % WRAPPERS.length]!(
          p.id,
          `<p>canary:${p.id}</p><p>Dear support, see below.</p>${p.html}`,
        ),
      }));
      const info = (await page.evaluate(
        `window.runMode(${JSON.stringify(mode)}, ${JSON.stringify(cases)})`,
      )) as Run['info'];
      if (click) {
        // Click whatever a person could click in the display frames.
        let clicked = 0;
        for (const frame of page.frames()) {
          if (frame === page.mainFrame()) continue;
          for (const el of await frame.$$('a, button, summary, input, img[usemap], [onclick]')) {
            const box = await el.boundingBox();
            if (!box) continue;
            await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
            clicked++;
          }
        }
        run.clicked = clicked;
      }
      await page.waitForTimeout(SETTLE_MS);
      run.executed.push(...((await page.evaluate('window.__hits')) as string[]));
      return { ...run, serverHits: [...serverHits], info };
    } finally {
      await context.close();
    }
  }

  const summary = (r: Run) => ({
    executed: [...new Set(r.executed)],
    dialogs: r.dialogs,
    fetched: r.fetched,
    serverHits: r.serverHits,
    external: r.external,
  });
  const clean = { executed: [], dialogs: [], fetched: [], serverHits: [], external: [] };

  it('the corpus has at least 50 payloads with distinct ids', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(50);
    expect(new Set(payloads.map((p) => p.id)).size).toBe(payloads.length);
  });

  it('control: rendered raw and unprotected, the payloads do run and fetch (the detectors work)', async () => {
    const r = await runMode('control');
    const fired = new Set([
      ...r.executed,
      ...r.dialogs.map((m) => m.replace(/^xss:/, '')),
      ...r.fetched.map((u) => u.match(/(?:pwn\/|example\.test\/)([\w-]+)/)?.[1] ?? u),
    ]);
    const auto = payloads.filter((p) => p.trigger === 'auto');
    const firedAuto = auto.filter((p) => fired.has(p.id));
    // Only one element per page gets autofocus, so a few 'auto' payloads may stay quiet.
    expect(
      firedAuto.length / auto.length,
      `fired: ${[...fired].join(', ')}`,
    ).toBeGreaterThanOrEqual(0.9);
    expect(r.executed.length).toBeGreaterThan(10);
    expect(r.serverHits.length).toBeGreaterThan(3);
    expect(r.fetched.some((u) => u.includes(REMOTE_HOST))).toBe(true);
    expect(r.dialogs).toContain('xss:script-alert');
  });

  it('full pipeline: extract → sanitize → store → sandboxed display, links clicked: nothing runs or fetches', async () => {
    const r = await runMode('pipeline', true);
    expect(summary(r)).toEqual(clean);
    expect(r.clicked).toBeGreaterThan(0);
    // Every payload went through a real extractor and something was displayed.
    const providers = new Set(Object.values(r.info).map((i) => i.provider));
    expect([...providers].sort()).toEqual([
      'generic',
      'gmail',
      'netease',
      'outlook',
      'qq-classic',
      'qq-new',
      'yahoo',
    ]);
    for (const p of payloads) expect(r.info[p.id]?.html, p.id).toContain(`canary:${p.id}`);
    // Stored HTML keeps no script hooks and no remote sources.
    for (const [id, { html }] of Object.entries(r.info)) {
      expect(html, id).not.toMatch(
        /<script|<iframe|<object|<embed|<svg|<math|<style|<meta|<base|<link|<form|\son\w+=|javascript:|srcset=|background=|poster=/i,
      );
      expect(html, id).not.toMatch(/\ssrc="(?:https?:)?\/\//i);
    }
  });

  it('arrived by sync: sanitized again on receipt, stored, shown in the case view’s sandboxed frame, links clicked: nothing runs or fetches', async () => {
    const r = await runMode('sync', true);
    expect(summary(r)).toEqual(clean);
    expect(r.clicked).toBeGreaterThan(0);
    for (const p of payloads) expect(r.info[p.id]?.html, p.id).toContain(`canary:${p.id}`);
    for (const [id, { html }] of Object.entries(r.info)) {
      expect(html, id).not.toMatch(
        /<script|<iframe|<object|<embed|<svg|<math|<style|<meta|<base|<link|<form|\son\w+=|javascript:|srcset=|background=|poster=/i,
      );
      expect(html, id).not.toMatch(/\ssrc="(?:https?:)?\/\//i);
    }
  });

  it('sanitizer alone (no sandbox, no CSP): nothing runs or fetches', async () => {
    expect(summary(await runMode('sanitizer-only'))).toEqual(clean);
  });

  // No clicks here: a raw link (no target) may navigate its own frame when clicked, which is a
  // navigation the person asked for; sanitized links get target=_blank, blocked by the sandbox.
  it('display frame alone (raw, unsanitized payloads in the sandboxed CSP srcdoc): nothing runs or fetches', async () => {
    expect(summary(await runMode('frame-only'))).toEqual(clean);
  });

  it('sanitizer settings behave as docs/webmail.md §5.6 says', async () => {
    const { context, page } = await openPage();
    try {
      const cases: [string, string][] = [
        [
          '<img src="https://t.example.test/p.gif" alt="x">',
          '<img alt="x" data-src="https://t.example.test/p.gif">',
        ],
        ['<img src="cid:logo@01">', '<img src="cid:logo@01">'],
        [
          '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">',
          '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">',
        ],
        [
          '<a href="https://shop.example.test/">shop</a>',
          '<a href="https://shop.example.test/" target="_blank" rel="noopener noreferrer">shop</a>',
        ],
        [
          '<a href="mailto:a@x.example.test">mail</a>',
          '<a href="mailto:a@x.example.test" target="_blank" rel="noopener noreferrer">mail</a>',
        ],
        [
          '<a href="http://shop.example.test/">plain http</a>',
          '<a rel="noopener noreferrer">plain http</a>',
        ],
        ['<a href="/relative">rel</a>', '<a rel="noopener noreferrer">rel</a>'],
        [
          '<p style="color:red;font-weight:bold">ok</p>',
          '<p style="color:red;font-weight:bold">ok</p>',
        ],
        ['<p style="color:red;background:url(https://t.example.test/x)">css</p>', '<p>css</p>'],
        [
          '<table background="https://t.example.test/bg.png"><tbody><tr><td>x</td></tr></tbody></table>',
          '<table><tbody><tr><td>x</td></tr></tbody></table>',
        ],
        ['<form action="https://x.example.test"><input name="q"><button>go</button></form>', 'go'],
        ['<p>中文内容 <b>保留</b></p>', '<p>中文内容 <b>保留</b></p>'],
      ];
      const out = (await page.evaluate(
        `(() => { const s = window.Capture.createSanitizer(window); return ${JSON.stringify(cases.map((c) => c[0]))}.map(s); })()`,
      )) as string[];
      expect(out).toEqual(cases.map((c) => c[1]));
    } finally {
      await context.close();
    }
  });
});
