// @vitest-environment happy-dom
/**
 * The delivery log line as people read it. The server's answers come from a `fetch` replaying
 * its shapes (the server itself cannot start under happy-dom; extension/team/deliveries.test.ts
 * reads the same log from the real server on PGlite and PostgreSQL).
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { Locale } from '@shared/schema/codes';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../../i18n';
import { DeliveryLog } from './delivery-log';

vi.mock('wxt/browser', async () => ({
  browser: (await import('wxt/testing/fake-browser')).fakeBrowser,
}));

afterEach(cleanup);

const at = (min: number) => new Date(Date.UTC(2026, 10, 16, 2, min)).toISOString();
const item = (
  event: string,
  channel: string,
  status: string,
  attempts: number,
  error?: string,
) => ({
  id: crypto.randomUUID(),
  key: `event:x:${event}|${channel}`,
  channel,
  channelType: 'webhook',
  event,
  complaintId: null,
  status,
  attempts,
  notBefore: at(0),
  createdAt: at(attempts),
  deliveredAt: status === 'delivered' ? at(5) : null,
  lastError: error ?? null,
});
const ITEMS = [
  item('warn', 'ops', 'pending', 0),
  item('breach', 'ops', 'pending', 2, 'HTTP 500'),
  item('reply', '@smtp', 'dead', 8, 'SMTP 550 mailbox unavailable'),
  item('severe', 'wecom', 'delivered', 1),
];

type Answer = 'items' | 'forbidden' | 'offline';
function server(answer: () => Answer) {
  const calls: string[] = [];
  const fetch = async (url: string) => {
    calls.push(url);
    const a = answer();
    if (a === 'offline') throw new TypeError('Failed to fetch');
    if (a === 'forbidden')
      return Response.json(
        { errors: [{ code: 'forbidden', message: 'Forbidden' }] },
        { status: 403 },
      );
    return Response.json({ items: ITEMS });
  };
  return { fetch, calls };
}

function show(locale: Locale, fetch: ReturnType<typeof server>['fetch'], mayRead = true) {
  render(
    <DeliveryLog
      config={{ serverUrl: 'https://desk.test', token: 'cdt_x' }}
      mayRead={mayRead}
      locale={locale}
      t={translator(locale)}
      fetch={fetch}
    />,
  );
}

describe('the options page’s delivery log', () => {
  it('lists the last deliveries with their state, in English, without axe violations', async () => {
    const s = server(() => 'items');
    show('en', s.fetch);
    const items = await screen.findAllByRole('listitem');
    expect(s.calls).toEqual(['https://desk.test/api/v1/admin/deliveries?limit=5']);
    expect(items.map((li) => li.dataset.state)).toEqual([
      'queued',
      'retrying',
      'dead',
      'delivered',
    ]);
    expect(screen.getByRole('status').textContent).toBe(
      'Latest: 1 delivered, 2 waiting or retrying, 1 dead letters.',
    );
    expect(items[1]!.textContent).toMatch(
      /deadline missed → ops: retrying \(2 tries\) last error: HTTP 500$/,
    );
    expect(items[2]!.textContent).toMatch(
      /reply to customer → @smtp: dead letter \(no more tries\)/,
    );
    expect(items[3]!.textContent).not.toMatch(/error/);
    const result = await axe.run(document.body, {
      rules: { 'color-contrast': { enabled: false } },
      resultTypes: ['violations'],
    });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });

  it('in Chinese', async () => {
    show('zh-CN', server(() => 'items').fetch);
    const items = await screen.findAllByRole('listitem');
    expect(items[2]!.textContent).toMatch(/答复客户 → @smtp：死信（不再重试） \(已尝试 8 次\)/);
    expect(screen.getByRole('status').textContent).toBe(
      '最近：已送达 1 条，等待或重试中 2 条，死信 1 条。',
    );
  });

  it('for a role that may not read it, asks nothing and says who can, in neutral words', async () => {
    const s = server(() => 'items');
    show('en', s.fetch, false);
    await new Promise((r) => setTimeout(r, 20));
    expect(s.calls).toEqual([]);
    const note = screen.getByText(/^Administrators see the delivery log/);
    // A routine state: no error colour, no status line, no Refresh to press.
    expect(note.className).toBe('cd-help');
    expect(document.querySelector('.cd-error')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('a refusal from the server (the role changed since) reads as the same note, not an error', async () => {
    show('zh-CN', server(() => 'forbidden').fetch);
    await screen.findByText(/^发送记录由管理员查看/);
    expect(document.querySelector('.cd-error')).toBeNull();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('says when the server is offline, and reads it again on Refresh', async () => {
    let answer: Answer = 'offline';
    show('zh-CN', server(() => answer).fetch);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(/^无法读取发送记录。无法连接服务器/),
    );
    expect(screen.getByRole('status').className).toBe('cd-error');
    answer = 'items';
    fireEvent.click(screen.getByRole('button', { name: '刷新' }));
    expect(await screen.findAllByRole('listitem')).toHaveLength(4);
  });
});
