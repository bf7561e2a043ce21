// @vitest-environment happy-dom
/**
 * The popup's sync status with its list of refused actions, and the options page's team server
 * section (`testConnection` itself is tested against the real server in client.test.ts; the
 * server's modules do not load under happy-dom).
 */
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { appendEvents } from '../db/log';
import { translator } from '../i18n';
import { onMessages } from '../messaging';
import {
  COMPLETE_DRAFT,
  NOW,
  capturedEvent,
  freshDb,
  uuid,
} from '../../test/support/extension/fixtures';
import { loadSyncConfig, saveSyncConfig } from './config';
import { SYNC_STATE_KEY } from './engine';
import { SyncStatus } from './sync-status';
import { TeamSettings } from './team-settings';

vi.mock('wxt/browser', async () => ({
  browser: (await import('wxt/testing/fake-browser')).fakeBrowser,
}));

const request = vi.fn(async () => true);
beforeEach(() => {
  fakeBrowser.reset();
  request.mockClear();
  (fakeBrowser as unknown as { permissions: unknown }).permissions = {
    request,
    contains: vi.fn(async () => true),
  };
});
afterEach(cleanup);

async function seeded() {
  const db = freshDb();
  await appendEvents(db, uuid(1), [capturedEvent(uuid(10), uuid(1), COMPLETE_DRAFT)], { now: NOW });
  await appendEvents(db, uuid(2), [capturedEvent(uuid(11), uuid(2), COMPLETE_DRAFT)], { now: NOW });
  await db.events.update(uuid(10), {
    pending: 2,
    rejection: {
      reason: 'sync.forgedRole',
      params: { role: 'agent', tokenRole: 'supervisor' },
      message: 'server text',
      at: NOW.toISOString(),
    },
  });
  await db.meta.put({
    key: SYNC_STATE_KEY,
    value: {
      failures: 2,
      lastSyncAt: '2026-11-03T01:00:00.000Z',
      lastError: { reason: 'ext.sync.error.network', at: NOW.toISOString() },
      nextAttemptAt: '2026-11-03T02:00:08.000Z',
    },
  });
  return db;
}

describe('SyncStatus (popup)', () => {
  it('shows the last sync, what waits, the last error, and every refused action with its reason', async () => {
    await saveSyncConfig({ serverUrl: 'https://desk.test', token: 'cdt_x' });
    const db = await seeded();
    render(<SyncStatus db={db} locale="en" t={translator('en')} />);
    await screen.findByText(/Last synced/);
    await waitFor(() =>
      expect(document.getElementById('cd-sync-pending')?.textContent).toBe(
        '1 change waiting to be sent.',
      ),
    );
    expect(document.getElementById('cd-sync-error')?.textContent).toMatch(
      /^Last try failed: The server could not be reached\. .* Next try at /,
    );
    const list = await screen.findByRole('alert');
    expect(list.textContent).toContain('1 action refused by the team server');
    expect(list.textContent).toContain('Capture · The washing machine arrived dented');
    expect(list.textContent).toContain(
      'The action was recorded as Agent, but your server token is for the role Supervisor.',
    );

    // Dismissed by the user, not dropped: the event and its reason stay stored.
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect((await db.events.get(uuid(10)))?.rejection).toMatchObject({
      reason: 'sync.forgedRole',
      dismissedAt: expect.any(String),
    });
  });

  it('times the sync on the organisation clock, naming the zone only when the user clock differs', async () => {
    await saveSyncConfig({ serverUrl: 'https://desk.test', token: 'cdt_x' });
    const db = await seeded();
    const { unmount } = render(
      <SyncStatus
        db={db}
        locale="en"
        t={translator('en')}
        timeZone="Asia/Shanghai"
        userZone="Europe/Berlin"
      />,
    );
    // 01:00Z is 09:00 in Shanghai; 02:00:08Z the next try at 10:00.
    await waitFor(() =>
      expect(document.getElementById('cd-sync-status')?.textContent).toContain(
        'Last synced 11/03/2026, 09:00 (Asia/Shanghai).',
      ),
    );
    expect(document.getElementById('cd-sync-error')?.textContent).toContain(
      'Next try at 11/03/2026, 10:00 (Asia/Shanghai).',
    );
    unmount();
    render(
      <SyncStatus
        db={db}
        locale="zh-CN"
        t={translator('zh-CN')}
        timeZone="Asia/Shanghai"
        userZone="Asia/Shanghai"
      />,
    );
    await waitFor(() =>
      expect(document.getElementById('cd-sync-status')?.textContent).toContain(
        '上次同步：2026/11/03 09:00。',
      ),
    );
  });

  it('speaks Chinese, and says so when sync is off', async () => {
    const db = await seeded();
    const stop = onMessages({ 'sync.now': async () => ({ ok: false, reason: 'ext.sync.off' }) });
    render(<SyncStatus db={db} locale="zh-CN" t={translator('zh-CN')} />);
    const list = await screen.findByRole('alert');
    expect(list.textContent).toContain('团队服务器拒绝了 1 项操作');
    expect(list.textContent).toContain('但您的服务器令牌角色是 主管');
    expect(screen.getByText(/本地模式/)).toBeTruthy();
    stop();
  });

  it('"Sync now" asks the background', async () => {
    await saveSyncConfig({ serverUrl: 'https://desk.test', token: 'cdt_x' });
    const db = freshDb();
    const now = vi.fn(async () => ({
      ok: true as const,
      pushed: 0,
      received: 0,
      rejected: 0,
      rounds: 1,
    }));
    const stop = onMessages({ 'sync.now': now });
    render(<SyncStatus db={db} locale="en" t={translator('en')} />);
    await screen.findByText('Not synced yet.', { exact: false });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    });
    await waitFor(() => expect(now).toHaveBeenCalledTimes(1));
    stop();
  });
});

/** The endpoints "Test connection" calls, as the server answers them (client.test.ts checks). */
function fakeServer(tokens: Record<string, { name: string; role: string }>, { me = true } = {}) {
  return vi.fn(async (input: string, init?: RequestInit) => {
    const path = new URL(input).pathname;
    const auth = new Headers(init?.headers).get('authorization')?.replace('Bearer ', '') ?? '';
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    if (path === '/api/v1/healthz') return json({ status: 'ok' });
    if (!tokens[auth])
      return json({ errors: [{ path: '', code: 'auth.invalid', message: 'x' }] }, 401);
    if (path === '/api/v1/policy') return json({});
    if (path === '/api/v1/me' && me) return json({ id: 't1', ...tokens[auth] });
    return json({ errors: [{ path: '', code: 'notFound', message: 'x' }] }, 404);
  });
}

describe('TeamSettings (options)', () => {
  async function fill(url: string, token: string) {
    await act(async () => {
      fireEvent.input(screen.getByLabelText('Server address'), { target: { value: url } });
      fireEvent.input(screen.getByLabelText('Access token'), { target: { value: token } });
    });
  }
  const status = () => document.getElementById('cd-team-status')?.textContent ?? '';

  it('tests the connection, asks for the host permission, saves, and says what failed', async () => {
    const token = 'cdt_supervisor';
    const fetch = fakeServer({ [token]: { name: 'Li Na', role: 'supervisor' } });
    const onIdentity = vi.fn();
    render(<TeamSettings locale="en" t={translator('en')} fetch={fetch} onIdentity={onIdentity} />);

    await fill('desk.test', 'cdt_x');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    });
    expect(status()).toContain('Enter the server address');
    expect(request).not.toHaveBeenCalled();

    await fill('https://desk.test/api/v1/', 'cdt_wrong');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    });
    await waitFor(() =>
      expect(status()).toContain('Connection failed: The server does not accept the token'),
    );
    expect(request).toHaveBeenCalledWith({ origins: ['https://desk.test/*'] });

    await fill('https://desk.test', token);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save and sync' }));
    });
    await waitFor(() => expect(status()).toContain('Team settings saved.'));
    // GET /me names the token: the page adopts its role (the server refuses any other).
    expect(status()).toContain('Connected as Li Na (Supervisor).');
    expect(onIdentity).toHaveBeenCalledWith({ name: 'Li Na', role: 'supervisor' });
    expect(
      screen.getByText('In team mode your role comes from your token: Supervisor.'),
    ).toBeTruthy();
    expect(await loadSyncConfig()).toEqual({
      serverUrl: 'https://desk.test',
      token,
      identity: { name: 'Li Na', role: 'supervisor' },
    });

    request.mockResolvedValueOnce(false);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    });
    await waitFor(() =>
      expect(status()).toBe('The extension needs your permission to reach https://desk.test.'),
    );

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Stop syncing' }));
    });
    expect(await loadSyncConfig()).toBeUndefined();
  });

  it('refuses a plain-http address of another machine, in the UI language, before asking for access', async () => {
    const fetch = vi.fn(fakeServer({ cdt_a: { name: 'A', role: 'agent' } }));
    const props = { fetch, onIdentity: () => undefined };
    const { rerender } = render(<TeamSettings locale="en" t={translator('en')} {...props} />);
    await fill('http://desk.test', 'cdt_a');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save and sync' }));
    });
    expect(status()).toContain('needs an address starting with https://');
    rerender(<TeamSettings locale="zh-CN" t={translator('zh-CN')} {...props} />);
    expect(status()).toContain('必须以 https:// 开头');
    expect(request).not.toHaveBeenCalled();
    expect(fetch).not.toHaveBeenCalled();
    expect(await loadSyncConfig()).toBeUndefined();
  });

  it('the status line follows a language switch without a reload', async () => {
    const fetch = fakeServer({ cdt_b: { name: 'Li Na', role: 'supervisor' } });
    const props = { fetch, onIdentity: () => undefined };
    const { rerender } = render(<TeamSettings locale="en" t={translator('en')} {...props} />);
    await fill('https://desk.test', 'cdt_b');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    });
    await waitFor(() => expect(status()).toBe('Connected as Li Na (Supervisor).'));
    rerender(<TeamSettings locale="zh-CN" t={translator('zh-CN')} {...props} />);
    expect(status()).toMatch(/^已连接，身份：Li Na（[^A-Za-z]+）。$/);
  });

  it('without GET /me on the server, asks the user to set the role', async () => {
    const fetch = fakeServer({ cdt_a: { name: 'A', role: 'agent' } }, { me: false });
    const onIdentity = vi.fn();
    render(<TeamSettings locale="en" t={translator('en')} fetch={fetch} onIdentity={onIdentity} />);
    await fill('http://127.0.0.1:8787', 'cdt_a');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    });
    await waitFor(() => expect(status()).toContain('does not say whose token it is'));
    expect(onIdentity).not.toHaveBeenCalled();
    expect(request).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
  });

  it('reports an unreachable server', async () => {
    render(
      <TeamSettings
        locale="zh-CN"
        t={translator('zh-CN')}
        fetch={async () => {
          throw new TypeError('fetch failed');
        }}
        onIdentity={() => undefined}
      />,
    );
    await act(async () => {
      fireEvent.input(screen.getByLabelText('服务器地址'), {
        target: { value: 'https://desk.example.com' },
      });
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '测试连接' }));
    });
    await waitFor(() =>
      expect(document.getElementById('cd-team-status')?.textContent).toBe(
        '连接失败：无法连接服务器。请检查地址和网络连接。',
      ),
    );
  });
});
