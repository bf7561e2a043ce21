// @vitest-environment happy-dom
import { DEFAULT_SETTINGS } from '@shared/review/index';
import { DEFAULT_VIEW_FILTER } from '@shared/review/filter';
import { render as preactRender } from 'preact';
import type { ComplaintEvent } from '@shared/schema/event';
import { CaseBuilder } from '../../test/support/review';
import { ACTORS, shanghai, uuidFor } from '../../test/support/workflow';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueueList } from './queue-list';
import { memoryStore } from './storage';
import { memorySource, seedStates } from '../../test/support/extension/review-db';

afterEach(cleanup);

const T0 = shanghai('2026-03-02 10:00');
const NOW = new Date(shanghai('2026-03-02 10:25')); // forward clocks of 10:00 registrations: at risk

function fixture() {
  return [
    new CaseBuilder(uuidFor(1))
      .register(T0, { subject: 'Washing machine leaks' }, { caseNumber: '2603-0001' })
      .state(),
    new CaseBuilder(uuidFor(2))
      .register(
        shanghai('2026-03-02 09:00'),
        {
          subject: '快递延误',
          description: '快递延误三天，包装破损，要求赔偿。',
          complainant: { name: '王', anonymous: false, phone: '13900001111' },
        },
        { caseNumber: '2603-0002' },
      )
      .state(),
    new CaseBuilder(uuidFor(3))
      .register(
        T0,
        { subject: 'Rude driver', category: 'service_attitude' },
        { caseNumber: '2603-0003' },
      )
      .assign(shanghai('2026-03-02 10:05'), 'customer_service', 'u-supervisor', 'Zhang Min')
      .state(),
  ];
}

function setup(extra: Partial<Parameters<typeof QueueList>[0]> = {}, states = fixture()) {
  const source = memorySource(states, NOW);
  let now = NOW;
  const clock = () => now;
  const onOpen = vi.fn();
  const utils = render(
    <QueueList
      source={source}
      locale="en"
      user={ACTORS.supervisor}
      onOpen={onOpen}
      clock={clock}
      height={280}
      {...extra}
    />,
  );
  return { ...utils, source, onOpen, setNow: (d: Date) => (now = d) };
}

const list = () => screen.getByRole('listbox');
/** Sets a select's value and sends a native change event (fireEvent.change misses some selects here). */
async function choose(el: HTMLElement, value: string) {
  await act(async () => {
    (el as HTMLSelectElement).value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
const options = () => within(list()).queryAllByRole('option');
const key = async (k: string, init: KeyboardEventInit = {}) => {
  await act(async () => {
    fireEvent.keyDown(list(), { key: k, ...init });
  });
};

/** The bulk form's reason field, once the lazily loaded bar has rendered it. */
const bulkReason = () =>
  waitFor(() => {
    const el = document.getElementById('rv-bulk-reason');
    if (!el) throw new Error('no reason field yet');
    return el;
  });

describe('QueueList', () => {
  it('shows a page the source has in hand in its first commit, and asks it for nothing but counts', async () => {
    const memory = memorySource(fixture(), NOW);
    const first = await memory.page(
      { filter: DEFAULT_SETTINGS.filter, sort: 'due', ctx: { now: NOW } },
      undefined,
      50,
    );
    memory.calls.length = 0;
    let asked = 0;
    const ready = () => (asked++ === 0 ? first : undefined);
    const counts = vi.fn(memory.counts);
    const source = { ...memory, counts, ready };
    const host = document.createElement('div');
    document.body.append(host);
    // Plain render (no act): what is in the DOM is the first commit, before any effect ran.
    preactRender(
      <QueueList
        source={source}
        locale="en"
        user={ACTORS.supervisor}
        onOpen={() => undefined}
        clock={() => NOW}
        height={280}
        initialSettings={DEFAULT_SETTINGS}
      />,
      host,
    );
    expect(host.querySelectorAll('[data-complaint-id]')).toHaveLength(first.rows.length);
    expect(first.rows.length).toBeGreaterThan(0);
    await waitFor(() => expect(counts).toHaveBeenCalledTimes(1));
    expect(memory.calls).toEqual([]);
    expect(asked).toBe(1);
    preactRender(null, host);
    host.remove();
  });

  it('shows counts by status and each complaint with severity, subject, customer, status and countdown in words', async () => {
    setup();
    await waitFor(() => expect(options()).toHaveLength(3));
    expect(screen.getByRole('navigation', { name: 'Complaints by status' }).textContent).toContain(
      'Registered: 2',
    );
    // Next due first: 2603-0002 (registered 09:00, breached) then the others.
    const first = options()[0]!;
    expect(first.textContent).toContain('2603-0002');
    expect(first.textContent).toContain('快递延误');
    expect(first.textContent).toContain('王');
    expect(first.textContent).toContain('Registered');
    // Which deadline the countdown is for, the state in words too; assignee and received time.
    expect(first.querySelector('.rv-sla-breached')?.textContent).toMatch(/^Forward · Overdue by /);
    expect(first.querySelector('.rv-assignee')?.textContent).toBe('Unassigned');
    expect(first.querySelector('.rv-received')?.textContent).toBe('Received Mar 2, 09:00');
    expect(first.querySelector('.rv-sev')?.getAttribute('title')).toBe('L3 major');
    expect(options()[1]!.querySelector('.rv-sla-at_risk')?.textContent).toBe(
      'At risk · Forward · Due in 5 min',
    );
    // The count and the default view's note are two sentences, not one run-on line.
    expect(document.querySelector('.rv-status')?.textContent).toBe(
      '3 complaints shown. Closed and withdrawn complaints are hidden.',
    );
  });

  it('the countdown is live: time alone moves a row from at risk to overdue', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const { setNow } = setup({ tickMs: 1000 });
      await waitFor(() => expect(options()).toHaveLength(3));
      expect(options()[1]!.querySelector('.rv-sla')?.className).toContain('at_risk');
      setNow(new Date(shanghai('2026-03-02 10:40')));
      await act(async () => {
        vi.advanceTimersByTime(1000);
      });
      expect(options()[1]!.querySelector('.rv-sla')?.className).toContain('breached');
      expect(options()[1]!.querySelector('.rv-sla')?.textContent).toBe(
        'Forward · Overdue by 10 min',
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it('renders only the visible rows of a long list and loads more pages while scrolling', async () => {
    const states = seedStates(500, NOW);
    const { source } = setup({ pageSize: 50, rowHeight: 56 }, states);
    await waitFor(() => expect(options().length).toBeGreaterThan(0));
    // 280 px / 56 px = 5 rows, plus 4 above and below at most.
    expect(options().length).toBeLessThanOrEqual(5 + 4 + 1);
    expect(options()[0]!.getAttribute('aria-setsize')).toBe('50');
    await act(async () => {
      list().scrollTop = 40 * 56;
      fireEvent.scroll(list());
    });
    await waitFor(() => expect(source.calls.some((c) => c.after)).toBe(true));
    expect(options().length).toBeLessThanOrEqual(10 + 4);
    expect(Number(options()[0]!.getAttribute('aria-posinset'))).toBeGreaterThan(30);
  });

  it('keyboard: j/k and arrows move, Enter opens, x and Space select, Esc clears', async () => {
    const { onOpen } = setup();
    await waitFor(() => expect(options()).toHaveLength(3));
    const activeId = () => list().getAttribute('aria-activedescendant');
    expect(activeId()).toBe(`rv-opt-${uuidFor(2)}`);
    await key('j');
    expect(activeId()).toBe(options()[1]!.id);
    await key('ArrowDown');
    await key('ArrowDown');
    expect(activeId()).toBe(options()[2]!.id);
    await key('k');
    await key('Enter');
    expect(onOpen).toHaveBeenCalledWith(options()[1]!.getAttribute('data-complaint-id'));
    await key('x');
    await key('ArrowUp');
    await key(' ');
    expect(options().filter((o) => o.getAttribute('aria-selected') === 'true')).toHaveLength(2);
    // The bulk bar's code arrives after the first render.
    expect(await screen.findByText('2 selected')).toBeTruthy();
    await key('Escape');
    expect(options().filter((o) => o.getAttribute('aria-selected') === 'true')).toHaveLength(0);
    await key('a', { ctrlKey: true });
    expect(options().filter((o) => o.getAttribute('aria-selected') === 'true')).toHaveLength(3);
  });

  it('filters and sort are remembered through the store', async () => {
    const store = memoryStore({ filter: { severities: ['L3'] }, sort: 'received' });
    setup({ store });
    await waitFor(() => expect(options()).toHaveLength(1));
    expect((screen.getByLabelText('Sort by') as HTMLSelectElement).value).toBe('received');
    const severity = screen.getByLabelText('Severity') as HTMLSelectElement;
    expect(severity.value).toBe('L3');
    await choose(severity, '');
    await waitFor(() => expect(options()).toHaveLength(3));
    expect(store.saved.at(-1)).toEqual({ filter: DEFAULT_VIEW_FILTER, sort: 'received' });
  });

  it('a status count toggles the status filter', async () => {
    setup();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Assigned: 1' })).toBeTruthy());
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Assigned: 1' }));
    });
    await waitFor(() => expect(options()).toHaveLength(1));
    expect(screen.getByRole('button', { name: 'Assigned: 1' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it('search by phone digits and by Chinese words; "/" focuses the search', async () => {
    setup();
    await waitFor(() => expect(options()).toHaveLength(3));
    await act(async () => {
      fireEvent.keyDown(list(), { key: '/' });
    });
    expect(document.activeElement?.id).toBe('rv-search');
    for (const q of ['139 0000 1111', '包装', '2603-0003']) {
      await act(async () => {
        fireEvent.input(screen.getByLabelText('Search'), { target: { value: q } });
      });
      await waitFor(() => expect(options()).toHaveLength(1));
    }
  });

  it('bulk assign: every selected complaint gets an event the workflow accepts; refusals are listed', async () => {
    const onAct = vi.fn(async (_e: ComplaintEvent) => ({ ok: true as const }));
    let n = 0;
    setup({ onAct, newId: () => uuidFor(0x9000 + n++) });
    await waitFor(() => expect(options()).toHaveLength(3));
    await key('a', { ctrlKey: true });
    await key('a');
    const form = await waitFor(() => document.getElementById('rv-bulk-dept')!);
    await choose(form, 'quality');
    await act(async () => {
      fireEvent.input(screen.getByLabelText('Handler name'), { target: { value: 'Zhang Min' } });
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Apply to selection' }));
    });
    await waitFor(() => expect(screen.getByText('Done for 3 complaints.')).toBeTruthy());
    // Done: the form closes (a second Apply would assign twice), the list has the focus back.
    expect(screen.queryByRole('button', { name: 'Apply to selection' })).toBeNull();
    expect(document.activeElement).toBe(list());
    expect(screen.getByText('Done for 3 complaints.')).toBeTruthy();
    expect(onAct.mock.calls.map(([e]) => [e.type, e.payload])).toEqual([
      ['assigned', { department: 'quality', handlerName: 'Zhang Min' }],
      ['assigned', { department: 'quality', handlerName: 'Zhang Min' }],
      ['assigned', { department: 'quality', handlerName: 'Zhang Min' }],
    ]);
  });

  it.each(['en', 'zh-CN'] as const)(
    'bulk escalate without a reason: said once at the field, which takes the focus; nothing is tried (%s)',
    async (locale) => {
      const onAct = vi.fn(async () => ({ ok: true as const }));
      setup({ onAct, locale });
      await waitFor(() => expect(options()).toHaveLength(3));
      await key('a', { ctrlKey: true });
      await key('e');
      const reason = await bulkReason();
      await act(async () => {
        (reason as HTMLTextAreaElement).value = '  \n ';
        reason.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await act(async () => {
        fireEvent.submit(reason.closest('form')!);
      });
      const required = locale === 'en' ? 'This field is required.' : '此项为必填项。';
      await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
      const message = document.getElementById(reason.getAttribute('aria-describedby')!);
      expect(message?.textContent).toBe(required);
      // Once, not once per selected complaint; no "done for 0" line.
      expect(screen.getAllByText(required)).toHaveLength(1);
      expect(document.querySelector('.rv-outcome')).toBeNull();
      expect(document.activeElement).toBe(reason);
      expect(onAct).not.toHaveBeenCalled();
    },
  );

  it('a refused complaint is named as the queue names it: a provisional number marked', async () => {
    const onAct = vi.fn(async () => ({ ok: false as const, reason: 'ext.error.unknown' }));
    const [first, ...rest] = fixture();
    setup({ onAct }, [{ ...first!, caseNumberIssuer: 'local' }, ...rest]);
    await waitFor(() => expect(options()).toHaveLength(3));
    await key('a', { ctrlKey: true });
    await key('e');
    const reason = await bulkReason();
    await act(async () => {
      (reason as HTMLTextAreaElement).value = 'Repeated complaints';
      reason.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      fireEvent.submit(reason.closest('form')!);
    });
    await waitFor(() => expect(screen.getByText(/refused for/)).toBeTruthy());
    const items = [...document.querySelectorAll('.rv-outcome li')].map((li) => li.textContent);
    expect(items.some((i) => i?.startsWith('Provisional · L-2603-0001'))).toBe(true);
  });

  it('exports the selection as CSV (BOM) and JSON', async () => {
    const download = vi.fn();
    setup({ download });
    await waitFor(() => expect(options()).toHaveLength(3));
    await key('x');
    const csvButton = await screen.findByRole('button', { name: 'Export CSV' });
    await act(async () => {
      fireEvent.click(csvButton);
      fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    });
    await waitFor(() => expect(download).toHaveBeenCalledTimes(2));
    const [[csvName, csvMime, csv], [jsonName, , json]] = download.mock.calls as [
      [string, string, string],
      [string, string, string],
    ];
    expect(csvName).toBe('complaints-2026-03-02.csv');
    expect(csvMime).toContain('text/csv');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('2603-0002');
    expect(jsonName).toBe('complaints-2026-03-02.json');
    expect(JSON.parse(json).rows).toHaveLength(1);
  });

  it("names an export by the organisation's date, not UTC's (07:43 in Shanghai is the day before in UTC)", async () => {
    const download = vi.fn();
    const { setNow } = setup({ download });
    await waitFor(() => expect(options()).toHaveLength(3));
    setNow(new Date(shanghai('2026-03-03 07:43')));
    await key('x');
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: 'Export JSON' }));
    });
    await waitFor(() => expect(download).toHaveBeenCalledOnce());
    expect(download.mock.calls[0]![0]).toBe('complaints-2026-03-03.json');
  });

  it.each([
    [
      'en',
      'No complaints yet. Capture a page, start a phone, walk-in or letter complaint, or connect a team server in the options.',
    ],
    ['zh-CN', '还没有投诉。请摘录页面、新建电话/来访/信函投诉，或在设置中连接团队服务器。'],
  ] as const)(
    'with no complaint at all, says how they get in, not that the filters match none (%s)',
    async (locale, line) => {
      setup({ locale }, []);
      await waitFor(() => expect(document.querySelector('.rv-status')?.textContent).toBe(line));
    },
  );

  it('speaks Chinese', async () => {
    setup({ locale: 'zh-CN' });
    await waitFor(() => expect(options()).toHaveLength(3));
    expect(screen.getByRole('heading').textContent).toBe('审核队列');
    expect(options()[0]!.querySelector('.rv-sla')?.textContent).toMatch(/^转交 · 已超时/);
    expect(options()[0]!.querySelector('.rv-assignee')?.textContent).toBe('未分派');
    expect(screen.getByLabelText('搜索')).toBeTruthy();
    expect(document.querySelector('.rv-status')?.textContent).toBe(
      '已显示 3 条投诉。已结案和已撤回的投诉已隐藏。',
    );
  });
});
