// @vitest-environment happy-dom
/**
 * "Reply to customer" in the case view: send through the server (team mode), open the clipped
 * email's webmail with the reply filled in, copy it; a hand-sent reply is recorded only when
 * the agent confirms it. The server here is the `ReplyService` seam (the real one, against the
 * real server and an SMTP receiver, is test/notify/extension-reply.test.ts).
 */
import type { Registration } from '@shared/schema/registration';
import type { ComplaintEvent } from '@shared/schema/event';
import type { Locale } from '@shared/schema/codes';
import type { Policy } from '@shared/policy/policy';
import { defaultPolicy } from '@shared/policy/default-policy';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTORS, happyState, sampleRecord, shanghai, uuidFor } from '../../test/support/workflow';
import type { ActResult } from '../queue/bulk';
import type { Delivery, DeliveryLog } from '../team/deliveries';
import { CaseView } from './case-view';
import type { ReplyService, SendResult } from './reply-service';

vi.mock('wxt/browser', async () => ({
  browser: (await import('wxt/testing/fake-browser')).fakeBrowser,
}));

afterEach(cleanup);
// A link opening a tab would leave the test page: the click is seen, the navigation is not.
const stopNavigation = (e: Event) => {
  if ((e.target as Element).closest?.('a')) e.preventDefault();
};
beforeEach(() => document.addEventListener('click', stopNavigation));
afterEach(() => document.removeEventListener('click', stopNavigation));

const NOW = new Date(shanghai('2026-03-02 16:00'));

function emailCase(provider: string, url: string): Registration {
  return sampleRecord({
    channel: 'email',
    complainant: { name: '刘', anonymous: false, email: 'liu@example.cn' },
    source: {
      url,
      capturedAt: shanghai('2026-03-02 09:50'),
      method: 'dom',
      email: { provider, subject: '洗衣机漏水', from: { address: 'liu@example.cn' } },
    },
  });
}

function setup(
  record: Registration,
  replies?: ReplyService,
  locale: Locale = 'en',
  policy?: Policy,
) {
  const { state, events } = happyState('resolution_proposed', record);
  const onAct = vi.fn(async (_e: ComplaintEvent): Promise<ActResult> => ({ ok: true }));
  render(
    <CaseView
      state={state}
      events={events}
      actor={ACTORS.handler}
      locale={locale}
      onAct={onAct}
      clock={() => NOW}
      newId={() => uuidFor(0xabc)}
      replies={replies}
      replyPollMs={20}
      {...(policy ? { policy } : {})}
    />,
  );
  return { onAct, state };
}

async function click(name: string | RegExp) {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
}
async function write(text: string) {
  await click(/Reply to customer|答复客户/);
  const box = screen.getByLabelText(/^Message to the customer|^给客户的答复/);
  await act(async () => {
    fireEvent.input(box, { target: { value: text } });
  });
}

const REPLY = '尊敬的刘先生/女士：\n我们将免费上门维修，并于3月5日前办结。';

describe('reply to customer: by hand', () => {
  it('opens Gmail’s compose page with the reply, subject and case number; records only once confirmed', async () => {
    const { onAct } = setup(emailCase('gmail', 'https://mail.google.com/mail/u/0/#inbox/FMfc'));
    await write(REPLY);
    expect(screen.queryByRole('button', { name: 'Send by email' })).toBeNull();
    const link = screen.getByRole('link', { name: 'Open reply in webmail' }) as HTMLAnchorElement;
    const url = new URL(link.href);
    expect(url.origin + url.pathname).toBe('https://mail.google.com/mail/');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      view: 'cm',
      to: 'liu@example.cn',
      su: 'Re: 洗衣机漏水 [2603-0001]',
      body: REPLY,
    });
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noopener noreferrer');
    await act(async () => {
      fireEvent.click(link);
    });
    expect(onAct).not.toHaveBeenCalled();
    await click('I sent it: record the reply');
    await waitFor(() => expect(onAct).toHaveBeenCalledTimes(1));
    expect(onAct.mock.calls[0]![0]).toMatchObject({
      type: 'replied',
      payload: { message: REPLY, via: 'webmail', to: 'liu@example.cn' },
    });
  });

  it('QQ has no reliable compose URL: mailto: instead; copying puts the reply on the clipboard', async () => {
    const { onAct } = setup(
      emailCase('qq-new', 'https://wx.mail.qq.com/home/index'),
      undefined,
      'zh-CN',
    );
    await write(REPLY);
    const link = screen.getByRole('link', { name: '在邮件程序中打开答复' }) as HTMLAnchorElement;
    expect(link.href.startsWith('mailto:liu@example.cn?subject=')).toBe(true);
    await click('复制答复');
    expect(await navigator.clipboard.readText()).toBe(REPLY);
    expect(screen.getByText('已复制。请粘贴到回复中并发送。')).toBeTruthy();
    await click('我已发送：记录答复');
    await waitFor(() => expect(onAct).toHaveBeenCalledTimes(1));
    expect(onAct.mock.calls[0]![0].payload).toEqual({
      message: REPLY,
      via: 'copied',
      to: 'liu@example.cn',
    });
  });

  it('asks for the text first, and a phone complaint offers only copying', async () => {
    setup(sampleRecord());
    await click('Reply to customer');
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText(/No email address on file/)).toBeTruthy();
    await click('Copy reply');
    expect(screen.getByText('Write the reply first.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /I sent it/ })).toBeNull();
  });
});

/** The server seam: answers the send with 202's body, and the case's log as the test sets it. */
function service(): ReplyService & { items: Delivery[]; sent: unknown[] } {
  const items: Delivery[] = [];
  const sent: unknown[] = [];
  return {
    items,
    sent,
    async send(complaintId, body): Promise<SendResult> {
      sent.push({ complaintId, ...body });
      const to = body.channel === 'sms' ? '13812340000' : 'liu@example.cn';
      return {
        ok: true,
        reply: { key: 'reply:r1', to, text: body.message, channel: body.channel },
      };
    },
    async deliveries(): Promise<DeliveryLog> {
      return { ok: true, items: items.map((d) => ({ ...d })) };
    },
  };
}
const delivery = (
  status: Delivery['status'],
  attempts: number,
  lastError: string | null = null,
) => ({
  id: 'd1',
  key: 'reply:r1',
  channel: '@smtp',
  channelType: 'email',
  event: 'reply',
  complaintId: null,
  status,
  attempts,
  createdAt: NOW.toISOString(),
  deliveredAt: status === 'delivered' ? NOW.toISOString() : null,
  lastError,
});

describe('reply to customer: sent by the server', () => {
  it('queues it, shows it pending (then retrying) until the server delivered it, never sent before', async () => {
    const s = service();
    const { onAct, state } = setup(emailCase('gmail', 'https://mail.google.com/mail/u/0/'), s);
    await write(REPLY);
    await click('Send by email');
    // The customer recorded no language: the agent's.
    expect(s.sent).toEqual([
      { complaintId: state.id, channel: 'email', locale: 'en', message: REPLY },
    ]);
    await waitFor(() =>
      expect(screen.getByText(/The server is sending the reply to liu@example.cn/)).toBeTruthy(),
    );
    const line = () => document.querySelector('#rv-reply-status li') as HTMLElement;
    expect(line().dataset.state).toBe('queued');
    expect(line().textContent).toMatch(/to liu@example.cn: pending, waiting to be sent$/);

    s.items.push(delivery('pending', 1, 'SMTP 451 try again later'));
    await waitFor(() => expect(line().dataset.state).toBe('retrying'));
    expect(line().textContent).toMatch(/pending, not sent yet \(retrying\) last error: SMTP 451/);

    s.items[0] = delivery('delivered', 2);
    await waitFor(() => expect(line().dataset.state).toBe('delivered'));
    expect(line().textContent).toMatch(/: sent$/);
    // The device records nothing itself: the `replied` event comes from the server by sync.
    expect(onAct).not.toHaveBeenCalled();
  });

  it('a reply the server gave up on shows as failed; axe finds nothing on the form', async () => {
    const s = service();
    s.items.push(delivery('dead', 8, 'SMTP 550 mailbox unavailable'));
    setup(emailCase('outlook', 'https://outlook.office.com/mail/inbox'), s, 'zh-CN');
    await waitFor(() =>
      expect(document.querySelector('#rv-reply-status li')?.textContent).toMatch(/发送失败.*550/),
    );
    await write(REPLY);
    // The page's landmarks are the shell's (case.html wraps the view in <main>).
    const result = await axe.run(document.querySelector('.rv-case')!, {
      rules: { 'color-contrast': { enabled: false } },
      resultTypes: ['violations'],
    });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join()}`)).toEqual(
      [],
    );
  });
});

/** The staff view of a policy with an SMS gateway: its address and secret left out. */
const SMS_POLICY: Policy = {
  ...defaultPolicy,
  notifications: { channels: [{ id: 'sms', type: 'sms' }], smsReplies: true },
};
const phoneCase = (anonymous = false) =>
  sampleRecord({ complainant: { name: '刘', anonymous, phone: '13812340000' } });

describe('reply to customer: by SMS through the server', () => {
  it.each([
    ['en', 'Send by SMS', 'By SMS: 13812340000', /The server is sending the reply to 13812340000/],
    ['zh-CN', '通过短信发送', '短信：13812340000', /服务器正在向 13812340000 发送答复/],
  ] as const)(
    'a phone on file and a gateway: offered, queued by SMS, pending then sent (%s)',
    async (locale, button, hint, queued) => {
      const s = service();
      const { onAct, state } = setup(phoneCase(), s, locale, SMS_POLICY);
      await write(REPLY);
      expect(screen.getByText(hint)).toBeTruthy();
      // No email address: only SMS goes through the server.
      expect(screen.queryByRole('button', { name: /Send by email|通过邮件发送/ })).toBeNull();
      await click(button);
      expect(s.sent).toEqual([{ complaintId: state.id, channel: 'sms', locale, message: REPLY }]);
      await waitFor(() => expect(screen.getByText(queued)).toBeTruthy());
      const line = () => document.querySelector('#rv-reply-status li') as HTMLElement;
      expect(line().dataset.state).toBe('queued');
      expect(line().textContent).toContain('13812340000');
      s.items.push({
        ...delivery('pending', 1, 'gateway 502'),
        channel: 'sms',
        channelType: 'sms',
      });
      await waitFor(() => expect(line().dataset.state).toBe('retrying'));
      s.items[0] = { ...delivery('dead', 8, 'gateway 502'), channel: 'sms', channelType: 'sms' };
      await waitFor(() => expect(line().dataset.state).toBe('dead'));
      expect(onAct).not.toHaveBeenCalled();
    },
  );

  it('not offered without a gateway in the policy, without a phone, for an anonymous complainant, or solo', async () => {
    const cases: [Registration, ReplyService | undefined, Policy | undefined][] = [
      [phoneCase(), service(), undefined],
      [emailCase('gmail', 'https://mail.google.com/mail/u/0/'), service(), SMS_POLICY],
      [phoneCase(true), service(), SMS_POLICY],
      [phoneCase(), undefined, SMS_POLICY],
    ];
    for (const [record, replies, policy] of cases) {
      setup(record, replies, 'en', policy);
      await click('Reply to customer');
      expect(screen.queryByRole('button', { name: 'Send by SMS' })).toBeNull();
      expect(screen.queryByText(/^By SMS:/)).toBeNull();
      cleanup();
    }
  });

  it('axe finds nothing on the form with both ways offered', async () => {
    const record = sampleRecord({
      complainant: { name: '刘', anonymous: false, phone: '13812340000', email: 'liu@example.cn' },
    });
    setup(record, service(), 'zh-CN', SMS_POLICY);
    await write(REPLY);
    expect(screen.getByRole('button', { name: '通过邮件发送' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '通过短信发送' })).toBeTruthy();
    const result = await axe.run(document.querySelector('.rv-case')!, {
      rules: { 'color-contrast': { enabled: false } },
      resultTypes: ['violations'],
    });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
