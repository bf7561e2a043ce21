// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { DEFAULT_CATEGORIES } from '@shared/schema/codes';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type ComplaintErrorEvent,
  ComplaintFormElement,
  type ComplaintQueuedEvent,
  type ComplaintSubmitEvent,
  ComplaintSubmittedEvent,
} from './index';
import {
  $,
  type El,
  click,
  fillValid,
  has,
  jsonResponse,
  mount,
  review,
  settle,
  text,
  type,
} from '../../test/support/widget';

const RECEIPT = {
  id: 'x',
  caseNumber: '2611-0007',
  receivedAt: '2026-11-16T02:00:00.000Z',
  replyDueAt: '2026-11-17T02:00:00.000Z',
};

let fetchMock: ReturnType<typeof vi.fn>;
/** GET …/form-config (the server's categories); by default a server that has none to offer. */
let configMock: ReturnType<typeof vi.fn>;
type Fetch = (url: string, init: RequestInit) => Promise<Response>;
beforeEach(() => {
  fetchMock = vi.fn(async (_url: string, init: RequestInit) =>
    jsonResponse(201, { ...RECEIPT, id: JSON.parse(String(init.body)).id }),
  );
  configMock = vi.fn(async () => jsonResponse(404, {}));
  vi.stubGlobal('fetch', (url: string, init: RequestInit) =>
    String(url).includes('/form-config')
      ? (configMock as unknown as Fetch)(url, init)
      : (fetchMock as unknown as Fetch)(url, init),
  );
  document.documentElement.lang = '';
});
afterEach(async () => {
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  // The page's one outbox lives on between tests: what a test left in it must not be sent (or
  // counted) in the next one.
  const db = new Dexie('complaint-form-outbox');
  db.version(1).stores({ items: 'id, nextAt' });
  await db.table('items').clear();
  db.close();
  localStorage.clear();
});

describe('rendering per attribute', () => {
  it('renders into an open shadow root and is defined once', async () => {
    const el = await mount();
    expect(el.shadowRoot?.mode).toBe('open');
    expect(el).toBeInstanceOf(ComplaintFormElement);
    expect(customElements.get('complaint-form')).toBe(ComplaintFormElement);
    expect($(el, 'h2').textContent).toBe('Make a complaint');
    expect(has(el, 'form[part="form"]')).toBe(true);
  });

  it.each([
    ['en', 'Make a complaint', 'Review my complaint'],
    ['zh-CN', '我要投诉', '核对投诉内容'],
  ])('lang="%s" shows that language', async (lang, title, button) => {
    const el = await mount({ lang });
    expect($(el, 'h2').textContent).toBe(title);
    expect($(el, 'button[type="submit"]').textContent).toBe(button);
    expect($(el, '.card').getAttribute('lang')).toBe(lang);
  });

  it('without lang follows the page, and re-renders when lang changes, keeping what was typed', async () => {
    document.documentElement.lang = 'zh-Hans';
    const el = await mount();
    expect($(el, 'h2').textContent).toBe('我要投诉');
    await type(el, 'name', 'Li');
    el.setAttribute('lang', 'en');
    await settle();
    expect($(el, 'h2').textContent).toBe('Make a complaint');
    expect($<HTMLInputElement>(el, '#name').value).toBe('Li');
  });

  it('profile adds that profile’s fields, in both languages', async () => {
    const el = await mount({ profile: 'b2b' });
    for (const id of [
      'orderNo',
      'partNo',
      'quantity',
      'deliveryDate',
      'defectiveQuantity',
      'batch',
    ]) {
      expect(has(el, `#${id}`), id).toBe(true);
    }
    expect(text(el)).toContain('B2B manufacturing');
    el.lang = 'zh-CN';
    await settle();
    expect(text(el)).toContain('订单号');
    el.profile = 'nonsense';
    await settle();
    expect(has(el, '#orderNo')).toBe(false);
  });

  it('categories offers that subset in that order; no attribute offers all', async () => {
    const el = await mount({ categories: 'billing, delivery,BAD CODE' });
    const options = [...el.shadowRoot!.querySelectorAll('#category option')].map(
      (o) => o.textContent,
    );
    expect(options).toEqual([
      'Choose a topic',
      'Billing & price',
      'Delivery, transport & packaging',
    ]);
    el.removeAttribute('categories');
    await settle();
    expect(el.shadowRoot!.querySelectorAll('#category option')).toHaveLength(10);
  });

  describe('R-POLICY-4 categories from the server’s policy', () => {
    const optionsOf = (el: El) =>
      [...el.shadowRoot!.querySelectorAll('#category option')].map((o) => o.textContent);
    const served = {
      categories: [
        { code: 'parking', labels: { en: 'Parking', 'zh-CN': '停车' } },
        { code: 'billing', labels: { en: 'Billing & price', 'zh-CN': '账单与价格' } },
      ],
    };

    it('offers the server’s list, named in the form’s language, asked once per endpoint and site', async () => {
      configMock.mockImplementation(async () => jsonResponse(200, served));
      const endpoint = 'https://desk.example.com/api/v1/intake';
      const el = await mount({ endpoint, site: 'shop' });
      await vi.waitFor(() =>
        expect(optionsOf(el)).toEqual(['Choose a topic', 'Parking', 'Billing & price']),
      );
      expect(configMock).toHaveBeenCalledWith(
        'https://desk.example.com/api/v1/intake/form-config?site=shop',
        { credentials: 'omit' },
      );
      const zh = await mount({ endpoint, site: 'shop', lang: 'zh-CN' });
      await vi.waitFor(() => expect(optionsOf(zh)).toEqual(['请选择类别', '停车', '账单与价格']));
      // The page's own subset still wins, with the server's names.
      const subset = await mount({ endpoint, site: 'shop', categories: 'parking' });
      await vi.waitFor(() => expect(optionsOf(subset)).toEqual(['Choose a topic', 'Parking']));
      expect(configMock).toHaveBeenCalledTimes(1);
    });

    it('keeps the built-in list offline or when the server answers something else', async () => {
      configMock.mockImplementation(async () => {
        throw new TypeError('Failed to fetch');
      });
      const el = await mount({ endpoint: 'https://offline.example/api/v1/intake' });
      await vi.waitFor(() => expect(configMock).toHaveBeenCalled());
      await settle();
      expect(optionsOf(el)).toHaveLength(DEFAULT_CATEGORIES.length + 1);
      configMock.mockImplementation(async () => jsonResponse(200, { categories: 'nope' }));
      const other = await mount({ endpoint: 'https://odd.example/api/v1/intake' });
      await vi.waitFor(() => expect(configMock).toHaveBeenCalledTimes(2));
      await settle();
      expect(optionsOf(other)).toHaveLength(DEFAULT_CATEGORIES.length + 1);
    });
  });

  it('properties mirror the attributes', async () => {
    const el = await mount({ site: 'acme' });
    expect(el.endpoint).toBe('/api/v1/intake');
    expect(el.site).toBe('acme');
    expect(el.theme).toBe('light');
    el.theme = 'dark';
    expect(el.getAttribute('theme')).toBe('dark');
    el.categories = ['safety', 'other'];
    expect(el.getAttribute('categories')).toBe('safety,other');
    el.profile = 'vehicle';
    expect(el.getAttribute('profile')).toBe('vehicle');
    el.profile = '';
    expect(el.hasAttribute('profile')).toBe(false);
    el.endpoint = 'https://desk.example.com/api/v1/intake';
    expect(el.getAttribute('endpoint')).toBe('https://desk.example.com/api/v1/intake');
    expect(el.currency).toBe('CNY');
    el.setAttribute('currency', 'EUR');
    await settle();
    expect($(el, 'label[for="amount"]').textContent).toContain('EUR');
  });

  it('labels every control', async () => {
    const el = await mount({ profile: 'telecom' });
    for (const control of el.shadowRoot!.querySelectorAll('input, textarea, select')) {
      expect(has(el, `label[for="${control.id}"]`), control.id).toBe(true);
    }
  });
});

describe('validation', () => {
  it.each([
    ['en', 'Enter an email address such as name@example.com.'],
    ['zh-CN', '请输入有效的电子邮箱，例如 name@example.com。'],
  ])('on blur, in %s, next to the field and wired with aria', async (lang, message) => {
    const el = await mount({ lang });
    await type(el, 'email', 'not-an-email');
    const input = $<HTMLInputElement>(el, '#email');
    await vi.waitFor(() => expect($(el, '#email-error').textContent).toBe(message));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('email-error');
    await type(el, 'email', 'li@example.com');
    expect(has(el, '#email-error')).toBe(false);
    expect(input.hasAttribute('aria-invalid')).toBe(false);
  });

  it('does not flag an empty field just for being left', async () => {
    const el = await mount();
    await type(el, 'description', '');
    expect(has(el, '#description-error')).toBe(false);
  });

  it.each([
    ['en', 'There are 4 problems to fix:', 'This field is required.'],
    ['zh-CN', '有 4 个问题需要修改：', '此项为必填项。'],
  ])(
    'on submit (%s): an error summary that takes focus and links to each field',
    async (lang, title, required) => {
      const el = await mount({ lang });
      await review(el);
      const summary = $(el, '.summary');
      expect(summary.querySelector('h3')?.textContent).toBe(title);
      expect(el.shadowRoot!.activeElement).toBe(summary);
      expect($(el, '#description-error').textContent).toBe(required);
      const links = [...summary.querySelectorAll('a')];
      expect(links.map((a) => a.getAttribute('href'))).toEqual([
        '#name',
        '#phone',
        '#description',
        '#demand',
      ]);
      links[2]!.click();
      expect(el.shadowRoot!.activeElement).toBe($(el, '#description'));
    },
  );

  it('keeps what was typed through errors', async () => {
    const el = await mount();
    await type(el, 'description', 'Too short');
    await review(el);
    expect($<HTMLTextAreaElement>(el, '#description').value).toBe('Too short');
    expect($(el, '#description-error').textContent).toBe('Please enter at least 10 characters.');
  });

  it('asks for a number where a number is expected', async () => {
    const el = await mount();
    await type(el, 'amount', 'a lot');
    expect($(el, '#amount-error').textContent).toBe('Enter a number, such as 1200.');
    await type(el, 'amount', '1 200,50');
    expect(has(el, '#amount-error')).toBe(false);
  });
});

describe('anonymous mode', () => {
  it('hides name and contact fields, explains there is no reply, and needs neither', async () => {
    const el = await mount();
    await type(el, 'name', 'Wang');
    const box = $<HTMLInputElement>(el, '#anonymous');
    box.click();
    await settle();
    expect(has(el, '#name')).toBe(false);
    expect(has(el, '#phone')).toBe(false);
    expect($(el, '#anonymous-hint').textContent).toContain('not be able to reply');
    expect(box.getAttribute('aria-describedby')).toBe('anonymous-hint');
    await type(el, 'description', 'The lift has been broken for a week.');
    await type(el, 'demand', 'Repair it');
    await review(el);
    expect(text(el)).toContain('Anonymous: no reply possible');
    const submitted = new Promise<ComplaintSubmitEvent>((resolve) =>
      el.addEventListener('complaint-submit', (e) => resolve(e as ComplaintSubmitEvent)),
    );
    await click(el, 'button[part~="submit"]');
    expect((await submitted).detail.complainant).toEqual({ anonymous: true });
    await vi.waitFor(() => expect(text(el)).toContain('cannot reply to you'));
    // Unchecking brings the name back: nothing typed is lost.
  });

  it('unchecking brings back what was typed', async () => {
    const el = await mount();
    await type(el, 'name', 'Wang');
    $<HTMLInputElement>(el, '#anonymous').click();
    await settle();
    $<HTMLInputElement>(el, '#anonymous').click();
    await settle();
    expect($<HTMLInputElement>(el, '#name').value).toBe('Wang');
  });
});

describe('confirmation step', () => {
  it('reads the complaint back; "change" returns to the form with everything kept', async () => {
    const el = await mount({ categories: 'delivery,other' });
    await fillValid(el);
    const select = $<HTMLSelectElement>(el, '#category');
    select.value = 'delivery';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await type(el, 'amount', '2999');
    await review(el);
    expect($(el, 'h2').textContent).toBe('Check your complaint');
    expect(el.shadowRoot!.activeElement).toBe($(el, 'h2'));
    const rows = [...el.shadowRoot!.querySelectorAll('.readback > div')].map((d) => d.textContent);
    expect(rows).toEqual([
      'Your name王',
      'Phone13812345678',
      'What is it about?Delivery, transport & packaging',
      'What happened?收到的洗衣机外壳有明显凹陷，而且漏水。',
      'What would you like us to do?换货',
      'Amount claimed (CNY)2,999',
    ]);
    expect(fetchMock).not.toHaveBeenCalled();
    await click(el, 'button.secondary');
    expect($<HTMLInputElement>(el, '#name').value).toBe('王');
    expect($<HTMLSelectElement>(el, '#category').value).toBe('delivery');
    expect(el.shadowRoot!.activeElement).toBe($(el, 'h2'));
  });
});

describe('events', () => {
  async function toReview(attrs: Record<string, string> = {}): Promise<El> {
    const el = await mount(attrs);
    await fillValid(el);
    await review(el);
    return el;
  }
  const send = (el: El) => click(el, 'button[part~="submit"]');

  it('complaint-submit (cancelable, bubbles, composed) carries the payload; cancelling sends nothing', async () => {
    const el = await toReview({ site: 'acme', lang: 'zh-CN' });
    const seen: ComplaintSubmitEvent[] = [];
    const cancel = (e: Event) => {
      seen.push(e as ComplaintSubmitEvent);
      e.preventDefault();
    };
    document.addEventListener('complaint-submit', cancel);
    await send(el);
    document.removeEventListener('complaint-submit', cancel);
    expect(seen).toHaveLength(1);
    const e = seen[0]!;
    expect([e.bubbles, e.composed, e.cancelable]).toEqual([true, true, true]);
    expect(e.detail).toMatchObject({
      site: 'acme',
      locale: 'zh-CN',
      complainant: { name: '王', phone: '13812345678', anonymous: false },
      demand: '换货',
      readBackConfirmed: true,
      antiSpam: { honeypot: '' },
    });
    expect(e.detail.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('complaint-submitted after a 201, with the success view: case number and reply deadline', async () => {
    const el = await toReview();
    const done = new Promise<ComplaintSubmittedEvent>((resolve) =>
      document.addEventListener(
        'complaint-submitted',
        (e) => resolve(e as ComplaintSubmittedEvent),
        { once: true },
      ),
    );
    await send(el);
    const e = await done;
    expect(e).toBeInstanceOf(ComplaintSubmittedEvent);
    expect([e.bubbles, e.composed]).toEqual([true, true]);
    expect(e.detail.caseNumber).toBe('2611-0007');
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/intake');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body).id).toBe(e.detail.id);
    await vi.waitFor(() => expect(text(el)).toContain('within 24 hours'));
    expect($(el, '[part="success"] .case').textContent).toBe('2611-0007');
  });

  it('complaint-error after a 400: back to the form with the server’s errors on the fields', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(400, {
        errors: [{ path: 'complainant.email', code: 'validation.email', message: 'Bad email' }],
      }),
    );
    const el = await toReview();
    const errors = new Promise<ComplaintErrorEvent>((resolve) =>
      el.addEventListener('complaint-error', (e) => resolve(e as ComplaintErrorEvent)),
    );
    await send(el);
    const e = await errors;
    expect(e.detail.status).toBe(400);
    expect(e.detail.errors[0]?.path).toBe('complainant.email');
    await vi.waitFor(() => expect(has(el, '.summary')).toBe(true));
    expect(text(el)).toContain('Enter an email address such as name@example.com.');
  });

  it.each([
    [413, {}, 'too large to send'],
    [429, { 'retry-after': '30' }, 'try again in 30 seconds'],
    [403, {}, 'not allowed to send complaints'],
    [404, {}, 'was not found'],
    [400, {}, 'refused the complaint without saying why'],
  ])('a %i is shown on the read-back and not retried', async (status, headers, message) => {
    fetchMock.mockResolvedValueOnce(jsonResponse(status, { errors: [] }, headers));
    const el = await toReview();
    const errors: ComplaintErrorEvent[] = [];
    el.addEventListener('complaint-error', (e) => errors.push(e as ComplaintErrorEvent));
    await send(el);
    await vi.waitFor(() => expect($(el, '.notice').textContent).toContain(message));
    expect(errors[0]?.detail.status).toBe(status);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    if (status === 429) {
      await send(el); // still inside Retry-After: not sent again
      expect(fetchMock).toHaveBeenCalledTimes(1);
    }
  });

  it('a refusal keeps the complaint in the outbox and on screen; "Try again" sends it, then the outbox forgets it', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(403, { errors: [] }));
    const el = await toReview();
    await send(el);
    await vi.waitFor(() => expect($(el, '.notice').textContent).toContain('not allowed'));
    const outbox = (await import('./outbox')).startOutbox();
    expect(await outbox.size()).toBe(1);
    expect(text(el)).toContain('收到的洗衣机外壳有明显凹陷'); // the read-back is still on screen
    expect($(el, 'button[part~="submit"]').textContent).toBe('Try again');
    expect($(el, 'button[part~="copy"]').textContent).toBe('Copy my complaint');
    await send(el);
    await vi.waitFor(() => expect(has(el, '[part="success"]')).toBe(true));
    await vi.waitFor(async () => expect(await outbox.size()).toBe(0));
  });

  it('after a 409 (id used with another body) "Try again" sends the same complaint under a new id, once', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(409, { errors: [{ path: 'id', code: 'intake.idReused', message: 'used' }] }),
    );
    const el = await toReview();
    await send(el);
    await vi.waitFor(() => expect($(el, '.notice').textContent).toContain('as a new complaint'));
    const outbox = (await import('./outbox')).startOutbox();
    expect(await outbox.size()).toBe(1);
    await send(el);
    await vi.waitFor(() => expect(has(el, '[part="success"]')).toBe(true));
    const [first, second] = fetchMock.mock.calls.map((c) => JSON.parse(c[1].body));
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(second.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.id).not.toBe(first.id);
    expect({ ...second, id: first.id, antiSpam: null }).toEqual({ ...first, antiSpam: null });
    await vi.waitFor(async () => expect(await outbox.size()).toBe(0));
  });

  it('a new id only once: a second 409 says the server did not accept it, still kept', async () => {
    const conflict = () =>
      jsonResponse(409, { errors: [{ path: 'id', code: 'intake.idReused', message: 'used' }] });
    fetchMock.mockResolvedValueOnce(conflict()).mockResolvedValueOnce(conflict());
    const el = await toReview();
    await send(el);
    await vi.waitFor(() => expect($(el, '.notice').textContent).toContain('as a new complaint'));
    await send(el);
    await vi.waitFor(() =>
      expect($(el, '.notice').textContent).toContain('did not accept the complaint (409)'),
    );
    const ids = fetchMock.mock.calls.map((c) => JSON.parse(c[1].body).id);
    expect(new Set(ids).size).toBe(2);
    const outbox = (await import('./outbox')).startOutbox();
    expect(await outbox.size()).toBe(1);
    expect($(el, 'button[part~="copy"]').textContent).toBe('Copy my complaint');
  });

  it('complaint-queued when the network fails; delivered later, it becomes a success', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const el = await toReview();
    const queued = new Promise<ComplaintQueuedEvent>((resolve) =>
      el.addEventListener('complaint-queued', (e) => resolve(e as ComplaintQueuedEvent)),
    );
    await send(el);
    const q = await queued;
    expect(q.composed).toBe(true);
    await vi.waitFor(() =>
      expect($(el, 'h2').textContent).toBe('Saved: it will be sent automatically'),
    );
    // Not registered yet: it can be copied from here too.
    expect($(el, '[part="queued"] button[part~="copy"]').textContent).toBe('Copy my complaint');
    const delivered = new Promise<ComplaintSubmittedEvent>((resolve) =>
      el.addEventListener('complaint-submitted', (e) => resolve(e as ComplaintSubmittedEvent)),
    );
    window.dispatchEvent(new Event('online'));
    expect((await delivered).detail.id).toBe(q.detail.id);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(JSON.parse(fetchMock.mock.calls[1]![1].body).id).toBe(q.detail.id);
    await vi.waitFor(() => expect(text(el)).toContain('2611-0007'));
  });
});

describe('reset()', () => {
  it('clears the form, the errors and the result', async () => {
    const el = await mount();
    await type(el, 'email', 'nope');
    await type(el, 'name', 'Wang');
    el.reset();
    await settle();
    expect($<HTMLInputElement>(el, '#name').value).toBe('');
    expect(has(el, '#email-error')).toBe(false);
    await fillValid(el);
    await review(el);
    await click(el, 'button[part~="submit"]');
    await vi.waitFor(() => expect(has(el, '[part="success"]')).toBe(true));
    await click(el, '[part="success"] button');
    expect($(el, 'h2').textContent).toBe('Make a complaint');
    expect($<HTMLInputElement>(el, '#name').value).toBe('');
  });
});
