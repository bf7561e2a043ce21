// @vitest-environment happy-dom
import { DISPLAY_CSP, sandboxedSrcdoc } from '../capture/display';
import type { ComplaintEvent } from '@shared/schema/event';
import { CaseBuilder } from '../../test/support/review';
import { ACTORS, happyState, shanghai, uuidFor } from '../../test/support/workflow';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActResult } from '../queue/bulk';
import { CaseView } from './case-view';
import { dueEscalations } from '@shared/workflow/index';

afterEach(cleanup);

const NOW = new Date(shanghai('2026-03-02 12:00'));

function setup(
  build: CaseBuilder | { state: ReturnType<CaseBuilder['state']>; events: ComplaintEvent[] },
  extra: Partial<Parameters<typeof CaseView>[0]> = {},
) {
  const state = build instanceof CaseBuilder ? build.state() : build.state;
  const events = build instanceof CaseBuilder ? build.events : build.events;
  const onAct = vi.fn(async (_e: ComplaintEvent): Promise<ActResult> => ({ ok: true }));
  const utils = render(
    <CaseView
      state={state}
      events={events}
      actor={ACTORS.supervisor}
      locale="en"
      onAct={onAct}
      clock={() => NOW}
      newId={() => uuidFor(0xabc)}
      {...extra}
    />,
  );
  return { ...utils, onAct };
}

async function choose(el: HTMLElement, value: string) {
  await act(async () => {
    (el as HTMLSelectElement).value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
async function type(el: HTMLElement, value: string) {
  await act(async () => {
    fireEvent.input(el, { target: { value } });
  });
}
async function click(name: string | RegExp) {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
}

const clip = {
  url: 'https://shop.example.test/reviews/1',
  title: 'Reviews',
  capturedAt: shanghai('2026-03-02 09:50'),
  html: '<p>The machine <b>leaks</b></p><script>alert(1)</script>',
  method: 'selection' as const,
};

describe('CaseView', () => {
  it('shows the record, the deadlines with their state, severity reasons, the clip sandboxed, attachments and the timeline', () => {
    const { container } = setup(
      new CaseBuilder(uuidFor(1)).register(
        shanghai('2026-03-02 10:00'),
        { description: 'The machine leaks; I will call a journalist.', source: clip },
        { caseNumber: '2603-0001' },
      ),
      {
        attachments: [
          { id: 'a1', name: 'photo.jpg', type: 'image/jpeg', size: 20_480, url: 'blob:x' },
        ],
      },
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Complaint 2603-0001');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('L3 major');
    // L3 forward: 30 clock minutes from 10:00 → overdue at 12:00, in words.
    const forward = screen.getByRole('row', { name: /Forward/ });
    expect(forward.textContent).toContain('2026');
    expect(forward.textContent).toContain('Overdue · Overdue by 1 h 30 min');
    expect(screen.getByText('Mentions the media: “call a journalist”')).toBeTruthy();
    const frame = container.querySelector('iframe')!;
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toContain('<b>leaks</b>');
    // The side panel's frame: a whole document whose CSP blocks script and every fetch.
    expect(frame.getAttribute('srcdoc')).toBe(sandboxedSrcdoc(clip.html));
    expect(frame.getAttribute('srcdoc')).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${DISPLAY_CSP}">`,
    );
    expect(frame.getAttribute('title')).toBe('Captured page content (sandboxed)');
    expect(screen.getByRole('link', { name: 'photo.jpg' }).getAttribute('href')).toBe('blob:x');
    expect(screen.getByText('image/jpeg · 20 KB', { exact: false })).toBeTruthy();
    expect(container.querySelectorAll('.rv-timeline li')).toHaveLength(1);
    expect(screen.getByText(/In supervisor views: Major and special major/)).toBeTruthy();
  });

  it('offers the workflow’s actions; closing without a callback is disabled with the reason shown', () => {
    const { state, events } = happyState('replied');
    setup({ state, events }, { actor: ACTORS.agent });
    const close = screen.getByRole('button', { name: 'Close' });
    expect((close as HTMLButtonElement).disabled).toBe(true);
    expect(document.getElementById(close.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Record a callback outcome (satisfied, declined or unreachable) before closing.',
    );
    expect(
      (screen.getByRole('button', { name: 'Record callback' }) as HTMLButtonElement).disabled,
    ).toBe(false);
  });

  it('assign: the form produces an assigned event for onAct (the forward clock stops)', async () => {
    const { onAct } = setup(
      new CaseBuilder(uuidFor(2)).register(
        shanghai('2026-03-02 11:50'),
        {},
        { caseNumber: '2603-0002' },
      ),
    );
    await click('Assign');
    await choose(screen.getByLabelText(/^Department/), 'after_sales');
    await type(screen.getByLabelText('Handler name'), 'Zhao Lei');
    await click('Record');
    await waitFor(() => expect(onAct).toHaveBeenCalledTimes(1));
    expect(onAct.mock.calls[0]![0]).toMatchObject({
      id: uuidFor(0xabc),
      complaintId: uuidFor(2),
      type: 'assigned',
      at: NOW.toISOString(),
      actor: ACTORS.supervisor,
      payload: { department: 'after_sales', handlerName: 'Zhao Lei' },
    });
    expect(screen.getByRole('status').textContent).toBe('Recorded.');
  });

  it('a compensation above the agent’s limit says it will go to approval', async () => {
    const { state, events } = happyState('in_progress');
    const { onAct } = setup({ state, events }, { actor: ACTORS.agent });
    await click('Propose resolution');
    await choose(screen.getByLabelText(/^Resolution type/), 'compensation');
    await type(screen.getByLabelText('Amount'), '20000');
    await choose(screen.getByLabelText(/^Responsibility/), 'supplier');
    await type(screen.getByLabelText(/^Resolution \*/), 'Compensation for the damaged floor');
    expect(screen.getByRole('note').textContent).toBe(
      'This offer is beyond your authority: it will wait for approval by a supervisor.',
    );
    await click('Record');
    await waitFor(() => expect(onAct).toHaveBeenCalled());
    expect(onAct.mock.calls[0]![0].payload).toMatchObject({ type: 'compensation', amount: 20_000 });
  });

  it('escalating without a reason: a field error, nothing sent', async () => {
    const { onAct } = setup(new CaseBuilder(uuidFor(3)).register(shanghai('2026-03-02 11:50')));
    await click('Escalate');
    await click('Record');
    const reason = screen.getByLabelText(/^Reason/);
    // The event is built by a module fetched on the first action: its answer comes a tick later.
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(reason.getAttribute('aria-describedby')!)?.textContent).toBe(
      'This field is required.',
    );
    expect(onAct).not.toHaveBeenCalled();
  });

  it('a refusal from the shell is shown, in the user’s language', async () => {
    const onAct = vi.fn(
      async (): Promise<ActResult> => ({ ok: false, reason: 'workflow.escalate.top' }),
    );
    setup(new CaseBuilder(uuidFor(4)).register(shanghai('2026-03-02 11:50')), {
      onAct,
      locale: 'zh-CN',
    });
    await click('升级');
    await type(screen.getByLabelText(/^原因/), '客户要求经理处理');
    await click('记录');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBeTruthy());
    expect(screen.getByRole('alert').textContent).not.toContain('workflow.');
  });

  it('reply templates fill the message in the customer’s language', async () => {
    const { state, events } = happyState('resolution_proposed');
    const { onAct } = setup({ state, events });
    await click('Reply to customer');
    await choose(screen.getByLabelText('Template language'), 'zh-CN');
    await click('Insert template');
    const message = screen.getByLabelText(/^Message to the customer/) as HTMLTextAreaElement;
    expect(message.value).toContain('尊敬的刘');
    expect(message.value).toContain('Free repair at home');
    await click('Record');
    await waitFor(() => expect(onAct).toHaveBeenCalled());
    expect(onAct.mock.calls[0]![0]).toMatchObject({ type: 'replied' });
  });

  it('R-REPLY-1 the late-reply reason appears only after the target, and the rule’s error shows at it', async () => {
    const { state, events } = happyState('resolution_proposed');
    const onTime = setup(
      { state, events },
      { clock: () => new Date(shanghai('2026-03-03 09:00')) },
    );
    await click('Reply to customer');
    expect(screen.queryByLabelText(/^Why the reply is late/)).toBeNull();
    onTime.unmount();

    const { onAct } = setup(
      { state, events },
      { clock: () => new Date(shanghai('2026-03-03 12:00')) },
    );
    await click('Reply to customer');
    await type(screen.getByLabelText(/^Message to the customer/), 'We will repair it for free.');
    await click('Record');
    const reason = screen.getByLabelText(/^Why the reply is late/);
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(reason.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /reply target .* has passed: write why the reply is late/,
    );
    expect(onAct).not.toHaveBeenCalled();
    await type(reason, 'The part came from the factory');
    await click('Record');
    await waitFor(() => expect(onAct).toHaveBeenCalled());
    expect(onAct.mock.calls[0]![0]).toMatchObject({
      type: 'replied',
      payload: { lateReason: 'The part came from the factory' },
    });
  });

  it('R-SHARE-1 a company fault: department shares that must add up, beside the coded cause (other + words)', async () => {
    const { state, events } = happyState('in_progress');
    const { onAct } = setup({ state, events });
    await click('Propose resolution');
    await choose(screen.getByLabelText(/^Resolution type/), 'repair');
    await choose(screen.getByLabelText(/^Responsibility/), 'company');
    expect(screen.queryByLabelText(/^The cause, in words/)).toBeNull();
    await choose(screen.getByLabelText(/^Root cause/), 'other');
    await type(screen.getByLabelText(/^The cause, in words/), 'Hose clamp too short');
    await type(screen.getByLabelText(/^Corrective action/), 'Longer clamps from May');
    await type(screen.getByLabelText(/^Resolution \*/), 'Free repair');
    const shares = screen.getByRole('group', { name: /Responsibility shared/ });
    await type(within(shares).getByLabelText('Quality'), '60');
    await type(within(shares).getByLabelText('Logistics'), '30');
    await click('Record');
    await waitFor(() => expect(shares.textContent).toContain('must add up to 100'));
    expect(onAct).not.toHaveBeenCalled();
    await type(within(shares).getByLabelText('Logistics'), '40');
    await click('Record');
    await waitFor(() => expect(onAct).toHaveBeenCalled());
    expect(onAct.mock.calls[0]![0]).toMatchObject({
      type: 'resolutionProposed',
      payload: {
        rootCauseCode: 'other',
        rootCause: 'Hose clamp too short',
        shares: [
          { department: 'quality', ratio: 0.6 },
          { department: 'logistics', ratio: 0.4 },
        ],
      },
    });
  });

  it.each([
    ['en', 'manufacturing', undefined, 'Root cause', 'Manufacturing'],
    ['zh-CN', 'manufacturing', undefined, '根本原因', '制造'],
    ['en', 'other', 'Hose clamp too short', 'Root cause', 'Other: Hose clamp too short'],
    ['zh-CN', 'other', '卡箍太短', '根本原因', '其他：卡箍太短'],
    ['en', undefined, 'Loose hose', 'Root cause', 'Loose hose'],
  ] as const)(
    'R-CAUSE-1 the outcome names the recorded root cause (%s, %s)',
    (locale, code, words, term, shown) => {
      const build = new CaseBuilder(uuidFor(7))
        .register(shanghai('2026-03-02 10:00'), {}, { caseNumber: '2603-0007' })
        .assign(shanghai('2026-03-02 10:10'))
        .contact(shanghai('2026-03-02 10:20'))
        .propose(shanghai('2026-03-02 10:30'), 'company', {
          rootCauseCode: code,
          rootCause: words,
        });
      setup(build, { locale });
      const row = [...document.querySelectorAll('.rv-fields dt')].find(
        (dt) => dt.textContent === term,
      );
      expect(row?.nextElementSibling?.textContent).toBe(shown);
    },
  );

  it.each([
    ['en', 'Status: Registered · Round 1 · Escalation tier: Supervisor'],
    ['zh-CN', '状态：已登记 · 轮次 1 · 升级层级：主管'],
  ] as const)('the status line takes the language’s own colon (%s)', (locale, line) => {
    const { container } = setup(
      new CaseBuilder(uuidFor(8)).register(
        shanghai('2026-03-02 10:00'),
        { description: 'The machine leaks; I will call a journalist.' },
        { caseNumber: '2603-0008' },
      ),
      { locale },
    );
    expect(container.querySelector('header p')?.textContent).toBe(line);
  });

  it('R-VIP-1 the VIP flag is set on classification', async () => {
    const { state, events } = happyState('in_progress');
    const { onAct } = setup({ state, events });
    await click('Classify');
    await act(async () => {
      fireEvent.click(screen.getByLabelText('Important customer (VIP)'));
    });
    await click('Record');
    await waitFor(() => expect(onAct).toHaveBeenCalledTimes(1));
    expect(onAct.mock.calls[0]![0]).toMatchObject({ type: 'classified', payload: { vip: true } });
  });

  it('R-ESC-3 a visit is booked for a time, read in the calendar’s zone', async () => {
    const { state, events } = happyState('in_progress');
    const { onAct } = setup({ state, events });
    await click('Book a visit');
    await type(screen.getByLabelText(/^Visit booked for/), '2026-03-03T09:30');
    await click('Record');
    await waitFor(() => expect(onAct).toHaveBeenCalledTimes(1));
    expect(onAct.mock.calls[0]![0]).toMatchObject({
      type: 'visitBooked',
      payload: { for: '2026-03-03T01:30:00.000Z' },
    });
  });

  it.each([
    ['en', 'Visit made', 'No visit is booked that has not taken place yet.'],
    ['zh-CN', '已上门', '没有尚未完成的预约上门。'],
  ] as const)(
    'R-ESC-3 visit made is disabled with the reason until one is booked (%s)',
    (locale, name, why) => {
      const { state, events } = happyState('in_progress');
      setup({ state, events }, { locale });
      const made = screen.getByRole('button', { name }) as HTMLButtonElement;
      expect(made.disabled).toBe(true);
      expect(document.getElementById(made.getAttribute('aria-describedby')!)?.textContent).toBe(
        why,
      );
    },
  );

  it('a draft offers the registration form', async () => {
    const onRegister = vi.fn();
    setup(happyState('draft'), { actor: ACTORS.agent, onRegister });
    await click('Open the registration form');
    expect(onRegister).toHaveBeenCalledWith(happyState('draft').state.id);
  });

  it.each([
    [
      'en',
      'Refused by the team server: “Assign” is not possible while the complaint is withdrawn.',
      'Not sent to the team server yet',
    ],
    ['zh-CN', '团队服务器已拒绝：投诉处于“已撤回”状态时不能执行“分派”。', '尚未发送到团队服务器'],
  ] as const)(
    'keeps a refused event in the history, struck through with the reason in words (%s)',
    (locale, refusal, pending) => {
      const { state, events } = happyState('in_progress');
      const refused = {
        id: uuidFor(0x77),
        complaintId: state.id,
        type: 'assigned' as const,
        at: events.at(-1)!.at,
        actor: ACTORS.supervisor,
        payload: { department: 'after_sales' },
        pending: 2 as const,
        rejection: {
          reason: 'workflow.illegal',
          params: { event: 'assigned', status: 'withdrawn' },
        },
      };
      const note = {
        id: uuidFor(0x78),
        complaintId: state.id,
        type: 'noteAdded' as const,
        at: events.at(-1)!.at,
        actor: ACTORS.supervisor,
        payload: { text: 'x', progress: false },
        pending: 1 as const,
      };
      const { container } = setup(
        { state, events: [...events, refused, note] as ComplaintEvent[] },
        { locale, teamMode: true },
      );
      const item = container.querySelector(`[data-event-id="${uuidFor(0x77)}"]`)!;
      expect(item.querySelector('del')?.textContent).toContain(locale === 'en' ? 'Assign' : '分派');
      expect(item.querySelector('.rv-refusal')?.textContent).toBe(refusal);
      // Only the refused one is struck through; the unsent one says so.
      expect(container.querySelectorAll('.rv-timeline del')).toHaveLength(1);
      expect(container.querySelector(`[data-event-id="${uuidFor(0x78)}"]`)?.textContent).toContain(
        pending,
      );
    },
  );

  it('an automatic escalation says why in words, in the UI language (its stored reason is a code)', () => {
    const { state, events } = happyState('assigned');
    const late = new Date(Date.parse(state.receivedAt) + 30 * 86_400_000);
    const auto = dueEscalations(state, late);
    expect(auto.length).toBeGreaterThan(0);
    const all = [...events, ...auto] as ComplaintEvent[];
    const { container, unmount } = setup({ state, events: all }, { locale: 'zh-CN' });
    const history =
      container.querySelector('ol, ul.rv-timeline')?.textContent ?? container.textContent;
    expect(history).toContain('自动：');
    expect(history).not.toMatch(/breached|unfinished/);
    unmount();
    const en = setup({ state, events: all }).container.textContent;
    expect(en).toMatch(/automatic: (the \w+ deadline passed|not finished in time)/);
  });

  it.each([
    ['en', 'No resolution proposed yet in round 2; earlier proposals are in the history.'],
    ['zh-CN', '第 2 轮尚未提出处理方案；此前的方案见处理记录。'],
  ] as const)(
    'after an unsatisfied callback the new round’s resolution is said to be still to come (%s)',
    (locale, said) => {
      const build = new CaseBuilder(uuidFor(7))
        .register(shanghai('2026-03-02 09:00'))
        .assign(shanghai('2026-03-02 09:10'))
        .contact(shanghai('2026-03-02 09:20'))
        .propose(shanghai('2026-03-02 09:30'), 'company', {
          rootCause: 'Loose drain hose',
          correctiveAction: 'Check',
        })
        .reply(shanghai('2026-03-02 10:00'))
        .callback(shanghai('2026-03-02 11:00'), 'unsatisfied');
      expect(build.state()).toMatchObject({ round: 2, resolution: undefined });
      setup(build, { locale });
      const section = screen.getByRole('region', {
        name: locale === 'en' ? 'Resolution' : '处理方案',
      });
      expect(section.querySelector('h2 + p')?.textContent).toBe(said);
    },
  );

  it('marks nothing pending in local mode (no team server)', () => {
    const { state, events } = happyState('registered');
    const { container } = setup({
      state,
      events: events.map((e) => ({ ...e, pending: 1 })) as ComplaintEvent[],
    });
    expect(container.querySelector('.rv-pending-mark')).toBeNull();
  });

  it('assign: picking a person from a department’s group takes the case to that department', async () => {
    const team = {
      members: [
        { id: 't-chen', name: 'Chen Gang', role: 'handler' as const, department: 'logistics' },
        { id: 't-wang', name: 'Wang Wei', role: 'handler' as const, department: 'quality' },
      ],
      me: 't-wang',
      fetchedAt: NOW.toISOString(),
    };
    const { onAct } = setup(
      new CaseBuilder(uuidFor(3)).register(
        shanghai('2026-03-02 11:50'),
        {},
        { caseNumber: '2603-0003' },
      ),
      { team },
    );
    await click('Assign');
    await choose(screen.getByLabelText('Handler'), 't-chen');
    expect((screen.getByLabelText(/^Department/) as HTMLSelectElement).value).toBe('logistics');
    await click('Record');
    await waitFor(() => expect(onAct).toHaveBeenCalledTimes(1));
    expect(onAct.mock.calls[0]![0].payload).toEqual({
      department: 'logistics',
      handlerId: 't-chen',
      handlerName: 'Chen Gang',
    });
  });

  describe('keyboard', () => {
    const press = async (key: string, target: Element = document.body) => {
      await act(async () => {
        fireEvent.keyDown(target, { key });
      });
    };

    it('a letter opens the allowed action’s form; a refused one says why; typing is left alone', async () => {
      const { state, events } = happyState('replied');
      const { container } = setup({ state, events }, { actor: ACTORS.agent });
      expect(
        screen.getByRole('button', { name: 'Record callback' }).getAttribute('aria-keyshortcuts'),
      ).toBe('b');
      // Close is refused here (no callback yet): its letter explains instead of opening a form.
      await press('d');
      expect(container.querySelector('#rv-act-closed')).toBeNull();
      expect(screen.getByRole('status').textContent).toBe(
        'Close is not available now: Record a callback outcome (satisfied, declined or unreachable) before closing.',
      );
      await press('n');
      const form = container.querySelector('#rv-act-noteAdded')!;
      expect(form).toBeTruthy();
      const text = form.querySelector('textarea')!;
      expect(document.activeElement).toBe(text);
      // Letters typed in the note (or anywhere in the open form) are text, not commands.
      await press('b', text);
      await press('b', form.querySelector('button')!);
      expect(container.querySelector('#rv-act-callbackRecorded')).toBeNull();
      // With Ctrl it is the browser's, not ours.
      await act(async () => {
        fireEvent.keyDown(document.body, { key: 'b', ctrlKey: true });
      });
      expect(container.querySelector('#rv-act-callbackRecorded')).toBeNull();
      await press('b');
      expect(container.querySelector('#rv-act-callbackRecorded')).toBeTruthy();
    });

    it.each([
      ['en', 'Shortcuts on this case', 'b: Record callback', 'Close'],
      ['zh-CN', '本投诉的快捷键', 'b：记录回访', '结案'],
    ] as const)(
      '? lists only what the workflow allows now (%s), and Escape closes it',
      async (locale, title, line, refused) => {
        const { state, events } = happyState('replied');
        setup({ state, events }, { actor: ACTORS.agent, locale });
        const opener = screen.getByRole('button', { name: /\?/ });
        opener.focus();
        await press('?', opener);
        const dialog = screen.getByRole('dialog', { name: title });
        const items = [...dialog.querySelectorAll('li')].map((li) => li.textContent);
        expect(items).toContain(line);
        expect(items.some((i) => i?.endsWith(refused))).toBe(false);
        expect(items.at(-2)).toMatch(/^\?/);
        // Shortcuts are off while the help is open.
        await press('b', dialog);
        expect(document.querySelector('#rv-act-callbackRecorded')).toBeNull();
        await act(async () => {
          dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
        });
        expect(screen.queryByRole('dialog')).toBeNull();
        expect(document.activeElement).toBe(opener);
      },
    );
  });
});
