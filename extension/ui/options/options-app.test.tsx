// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { CLOCKS } from '@shared/schema/codes';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, saveSettings } from '../../settings/settings';
import { saveSyncConfig } from '../../sync/config';
import { OptionsApp } from './options-app';

vi.mock('wxt/browser', async () => ({
  browser: (await import('wxt/testing/fake-browser')).fakeBrowser,
}));

beforeEach(() => {
  fakeBrowser.reset();
  (fakeBrowser as unknown as { permissions: unknown }).permissions = {
    request: vi.fn(async () => true),
    contains: vi.fn(async () => false),
  };
  // The fake browser has no commands API (docs/toolchain.md).
  vi.spyOn(fakeBrowser.commands, 'getAll').mockResolvedValue([]);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const legends = () => [...document.querySelectorAll('legend')].map((l) => l.textContent);

describe('options page', () => {
  it('groups the options (you, alerts as one table, capture, language); the role is chosen in local mode', async () => {
    await saveSettings({ locale: 'en', role: 'agent', userName: 'Li Na' });
    render(<OptionsApp />);
    await screen.findByLabelText('Your name');
    expect(legends()).toEqual(['You (local mode)', 'Deadline alerts', 'Capture', 'Language']);
    // 5 levels × every clock, each box named by its row and column.
    expect(document.querySelectorAll('.cd-grid input[type=checkbox]')).toHaveLength(
      5 * CLOCKS.length,
    );
    expect(screen.getByRole('checkbox', { name: 'L3 major · Reply' })).toBeTruthy();
    expect(screen.getByLabelText('Your role').tagName).toBe('SELECT');
    // The server's delivery log is a team-mode line.
    expect(screen.queryByRole('heading', { name: 'Notification deliveries' })).toBeNull();
  });

  it('in team mode the role is the token’s, read-only, and saving keeps it', async () => {
    // A supervisor's token may not read the delivery log: it is not even asked for.
    const fetch = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    await saveSettings({ locale: 'zh-CN', role: 'supervisor', userName: '李娜' });
    await saveSyncConfig({
      serverUrl: 'https://desk.test',
      token: 'cdt_x',
      identity: { name: '李娜', role: 'supervisor' },
    });
    render(<OptionsApp />);
    const role = (await screen.findByLabelText('您的角色')) as HTMLInputElement;
    await waitFor(() => expect(role.readOnly).toBe(true));
    expect(role.value).toBe('主管');
    expect(legends()[0]).toBe('您的信息');
    // A supervisor is told who sees the delivery log, in neutral words, without a request.
    expect(screen.getByRole('heading', { name: '通知发送记录' })).toBeTruthy();
    expect(document.body.textContent).toContain('发送记录由管理员查看');
    expect(document.body.textContent).not.toContain('无法读取发送记录');
    expect(fetch.mock.calls.map(([url]) => String(url))).not.toContainEqual(
      expect.stringContaining('/admin/deliveries'),
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '保存' }));
    });
    await waitFor(async () => expect((await loadSettings()).role).toBe('supervisor'));
  });

  it('switching the language words the whole page anew, status lines included', async () => {
    await saveSettings({ locale: 'en' });
    render(<OptionsApp />);
    await screen.findByLabelText('Your name');
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'zh-CN' } });
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    });
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 }).textContent).not.toMatch(/options/),
    );
    await waitFor(() => expect(document.body.textContent).toContain('设置已保存。'));
    expect(document.body.textContent).not.toContain('Options saved');
  });
});
