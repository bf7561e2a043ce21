// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appendEvents, eventsOf } from '../db/log';
import { translator } from '../i18n';
import { AGENT, capturedEvent, freshDb, uuid } from '../../test/support/extension/fixtures';
import { defaultPolicy } from '@shared/policy/default-policy';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { POLICY_KEY, clearStoredPolicy, loadActivePolicy } from '../policy/active-policy';
import { applyAnswer } from '../sync/apply';
import { RegisterForm } from './register-form';

vi.mock('wxt/browser', async () => ({
  browser: (await import('wxt/testing/fake-browser')).fakeBrowser,
}));

afterEach(cleanup);

const CLIP_DRAFT = {
  channel: 'web_page' as const,
  receivedAt: new Date().toISOString(),
  description: 'The washing machine arrived dented.',
  source: {
    url: 'https://shop.example.test/reviews/1',
    title: 'Reviews',
    capturedAt: new Date().toISOString(),
    selectionText: 'The washing machine arrived dented.',
    html: '<p>The washing machine arrived <b>dented</b>.</p>',
    method: 'selection' as const,
  },
};

async function withCapture(draft = CLIP_DRAFT) {
  const db = freshDb();
  const id = uuid(1);
  await appendEvents(db, id, [capturedEvent(uuid(10), id, draft, new Date())], {
    now: new Date(),
    draft: { complaintId: id, draft, updatedAt: new Date().toISOString() },
  });
  return { db, id };
}

const input = (label: RegExp) => screen.getByLabelText(label) as HTMLInputElement;

async function type(label: RegExp, value: string) {
  await act(async () => {
    fireEvent.input(input(label), { target: { value } });
  });
}

describe('registration form', () => {
  it('is prefilled from the clip and shows the clip only in a sandboxed iframe', async () => {
    const { db, id } = await withCapture();
    const { container } = render(
      <RegisterForm
        db={db}
        complaintId={id}
        manual={false}
        actor={AGENT}
        locale="en"
        t={translator('en')}
      />,
    );
    await waitFor(() =>
      expect(input(/what happened/i).value).toBe('The washing machine arrived dented.'),
    );
    const frame = container.querySelector('iframe');
    expect(frame?.getAttribute('sandbox')).toBe('');
    expect(frame?.getAttribute('srcdoc')).toContain('dented');
    expect(container.querySelector('b')).toBeNull(); // never rendered into the page itself
  });

  it('assesses severity live with reasons and the deadlines it implies', async () => {
    const { db, id } = await withCapture();
    render(
      <RegisterForm
        db={db}
        complaintId={id}
        manual={false}
        actor={AGENT}
        locale="en"
        t={translator('en')}
      />,
    );
    await waitFor(() => screen.getByText(/L1 general/));
    await type(/what happened/i, 'Dented machine. I will call a journalist and my lawyer.');
    await waitFor(() =>
      expect(document.querySelector('[data-level]')?.getAttribute('data-level')).toBe('L3'),
    );
    expect(screen.getAllByText(/media/i).length).toBeGreaterThan(0);
    const live = document.getElementById('cd-live')!;
    expect(live.textContent).toMatch(/Reply:/);
    expect(live.textContent).toMatch(/Close:/);
  });

  it('saves the draft on every change (debounced) so closing the panel loses nothing', async () => {
    const { db, id } = await withCapture();
    render(
      <RegisterForm
        db={db}
        complaintId={id}
        manual={false}
        actor={AGENT}
        locale="en"
        t={translator('en')}
      />,
    );
    await waitFor(() => input(/complainant's name/i));
    await type(/complainant's name/i, '张');
    await waitFor(
      async () => expect((await db.drafts.get(id))?.draft.complainant?.name).toBe('张'),
      { timeout: 2000 },
    );
    cleanup(); // the panel closes
    render(
      <RegisterForm
        db={db}
        complaintId={id}
        manual={false}
        actor={AGENT}
        locale="en"
        t={translator('en')}
      />,
    );
    await waitFor(() => expect(input(/complainant's name/i).value).toBe('张'));
  });

  it('lists what is missing, then registers with a local YYMM-NNNN number', async () => {
    const { db, id } = await withCapture();
    const { container } = render(
      <RegisterForm
        db={db}
        complaintId={id}
        manual={false}
        actor={AGENT}
        locale="en"
        t={translator('en')}
      />,
    );
    await waitFor(() => input(/complainant's name/i));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    });
    await waitFor(() => screen.getByText(/problems? to fix/));
    expect(input(/what the customer wants/i).getAttribute('aria-invalid')).toBe('true');
    // The summary names each field (three "required" lines alone say nothing), and each error
    // is on a field the form shows: the clip had no complainant, not an invisible group error.
    const items = [...container.querySelectorAll('.summary li')].map((li) => li.textContent);
    expect(items).toEqual([
      // Said to the agent about the complainant, not to a customer about themselves.
      "Complainant's name Enter the complainant's name (a surname is enough), or mark the complaint anonymous.",
      'Phone Record at least one way to reach the complainant: phone, email or address.',
      'What the customer wants This field is required.',
    ]);
    expect(input(/complainant's name/i).getAttribute('aria-invalid')).toBe('true');
    expect(input(/^phone/i).getAttribute('aria-invalid')).toBe('true');

    await type(/complainant's name/i, '李');
    await type(/^phone/i, '13812345678');
    await type(/what the customer wants/i, 'Replacement');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    });
    await waitFor(async () => expect((await db.complaints.get(id))?.status).toBe('registered'));
    const row = await db.complaints.get(id);
    expect(row?.caseNumber).toMatch(/^\d{4}-0001$/);
    expect(row?.caseNumberIssuer).toBe('local');
    const log = await eventsOf(db, id);
    expect(log.map((e) => e.type)).toEqual(['captured', 'registered']);
    expect(await db.drafts.get(id)).toBeUndefined();
    // Provisional until the server's number arrives: never the shape of a server number.
    const heading = await screen.findByRole('heading', {
      name: /^Registered as Provisional · L-\d{4}-0001$/,
    });
    // Focus moves to it, so it is read out (the panel's status line does not repeat it).
    await waitFor(() => expect(document.activeElement).toBe(heading));

    // The server numbers the case (sync): the heading follows the number the case has now.
    // Its answer, as the sync client receives it: our two events accepted, then its number.
    const [captured, registered] = log.map(({ id, complaintId, type, at, actor, payload }, i) => ({
      ...{ id, complaintId, type, at, actor, payload },
      seq: i + 1,
    }));
    const numbered = {
      id: uuid(12),
      complaintId: id,
      type: 'caseNumberAssigned',
      at: new Date().toISOString(),
      actor: { id: 'server', name: 'Server', role: 'system' as const },
      payload: { caseNumber: '2612-0007', issuer: 'server' },
      seq: 3,
    };
    await applyAnswer(
      db,
      {
        accepted: [captured!.id, registered!.id],
        rejected: [],
        events: [captured!, registered!, numbered],
        cursor: '3',
      },
      { pushed: [], now: new Date() },
    );
    await screen.findByRole('heading', { name: 'Registered as 2612-0007' });
    expect(document.body.textContent).not.toMatch(/Provisional/);
  });

  it('manual phone entry needs the read-back confirmation and creates nothing until a change', async () => {
    const db = freshDb();
    const id = uuid(2);
    render(
      <RegisterForm
        db={db}
        complaintId={id}
        manual={true}
        actor={AGENT}
        locale="zh-CN"
        t={translator('zh-CN')}
      />,
    );
    await waitFor(() => screen.getByText('复述确认'));
    expect(await db.events.count()).toBe(0);

    await type(/投诉人姓名/, '王');
    await type(/^电话/, '13812345678');
    await type(/事情经过/, '电话投诉：空调安装后漏水，师傅态度很差。');
    await type(/客户诉求/, '上门维修');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '登记' }));
    });
    await waitFor(() =>
      expect(input(/客户已确认复述内容/).getAttribute('aria-invalid')).toBe('true'),
    );
    expect((await db.complaints.get(id))?.status).toBe('draft');

    await act(async () => {
      fireEvent.click(input(/客户已确认复述内容/));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '登记' }));
    });
    await waitFor(async () => expect((await db.complaints.get(id))?.status).toBe('registered'));
    const registered = (await eventsOf(db, id)).find((e) => e.type === 'registered');
    expect(registered?.payload).toMatchObject({
      caseNumberIssuer: 'local',
      record: { channel: 'phone' },
    });
    expect(
      (registered?.payload.record as { readBackConfirmedAt?: string } | undefined)
        ?.readBackConfirmedAt,
    ).toBeTruthy();
  });
});

describe('registration form: storage trouble and effects', () => {
  it('says so when a draft cannot be saved, keeps it on screen, and saves it with the next change', async () => {
    const { db, id } = await withCapture();
    render(
      <RegisterForm
        db={db}
        complaintId={id}
        manual={false}
        actor={AGENT}
        locale="en"
        t={translator('en')}
      />,
    );
    await waitFor(() => input(/complainant's name/i));
    const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(db, 'transaction').mockRejectedValueOnce(quota);
    await type(/complainant's name/i, '赵');
    await waitFor(() => screen.getByText(/could not be saved/));
    expect(input(/complainant's name/i).value).toBe('赵');
    spy.mockRestore();
    await type(/complainant's name/i, '赵先生');
    await waitFor(async () =>
      expect((await db.drafts.get(id))?.draft.complainant?.name).toBe('赵先生'),
    );
  });

  it('tells the agent to alert on-call and the supervisor when the workflow says so', async () => {
    const draft = {
      ...CLIP_DRAFT,
      urgent: true,
      // Saturday night in Shanghai: out of hours
      receivedAt: '2026-11-07T14:00:00.000Z',
      complainant: { name: '李', anonymous: false, phone: '13812345678' },
      description: 'Fire in the kitchen after your repair, my child was injured. I will sue.',
      demand: 'Compensation',
    };
    const { db, id } = await withCapture(draft);
    render(
      <RegisterForm
        db={db}
        complaintId={id}
        manual={false}
        actor={AGENT}
        locale="en"
        t={translator('en')}
        onCallContact="Lead Zhang 13900000000"
      />,
    );
    await waitFor(() => input(/complainant's name/i));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    });
    await waitFor(() => screen.getByRole('alert'));
    expect(screen.getByRole('alert').textContent).toMatch(/tell your supervisor now/);
  });

  it.each([
    ['en', /Major complaint: assign a handler and act on it now\./],
    ['zh-CN', /重大投诉：请立即指派处理人并跟进。/],
  ] as const)(
    'tells a supervisor to act, not to tell the supervisor (%s)',
    async (locale, said) => {
      const draft = {
        ...CLIP_DRAFT,
        complainant: { name: '李', anonymous: false, phone: '13812345678' },
        description: 'Fire in the kitchen after your repair, my child was injured. I will sue.',
        demand: 'Compensation',
      };
      const { db, id } = await withCapture(draft);
      render(
        <RegisterForm
          db={db}
          complaintId={id}
          manual={false}
          actor={{ id: 'lead-1', name: '李娜', role: 'supervisor' }}
          locale={locale}
          t={translator(locale)}
        />,
      );
      await waitFor(() => input(locale === 'en' ? /complainant's name/i : /投诉人姓名/));
      await act(async () => {
        fireEvent.click(
          screen.getByRole('button', { name: locale === 'en' ? 'Register' : '登记' }),
        );
      });
      await waitFor(() => screen.getByRole('alert'));
      const alert = screen.getByRole('alert').textContent ?? '';
      expect(alert).toMatch(said);
      expect(alert).not.toMatch(/tell your supervisor|报告主管/);
    },
  );

  it.each([
    ['en', /the on-call leader, Duty manager Zhang, will be alerted/],
    ['zh-CN', /登记时将通知值班领导Duty manager Zhang。/],
  ] as const)('names the policy’s on-call contact out of hours (%s)', async (locale, notice) => {
    await fakeBrowser.storage.local.set({
      [POLICY_KEY]: {
        version: 'with-on-call',
        fetchedAt: new Date().toISOString(),
        // As a staff token receives it: the name only (publicNotifications).
        policy: {
          ...defaultPolicy,
          notifications: { channels: [], onCall: { name: 'Duty manager Zhang' } },
        },
      },
    });
    await loadActivePolicy();
    try {
      // Saturday night in Shanghai: out of hours
      const draft = { ...CLIP_DRAFT, urgent: true, receivedAt: '2026-11-07T14:00:00.000Z' };
      const { db, id } = await withCapture(draft);
      render(
        <RegisterForm
          db={db}
          complaintId={id}
          manual={false}
          actor={AGENT}
          locale={locale}
          t={translator(locale)}
          onCallContact="Set in this browser"
        />,
      );
      await waitFor(() => expect(document.getElementById('cd-live')?.textContent).toMatch(notice));
      expect(document.body.textContent).not.toContain('Set in this browser');
    } finally {
      await clearStoredPolicy();
    }
  });
});
