import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, resolveLocale, saveSettings } from './settings';

vi.mock('wxt/browser', async () => ({
  browser: (await import('wxt/testing/fake-browser')).fakeBrowser,
}));

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('creates a stable user id on first read', async () => {
    const first = await loadSettings();
    expect(first.userId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await loadSettings()).userId).toBe(first.userId);
    expect(first).toMatchObject({ role: 'agent', locale: 'auto', screenshot: true });
  });

  it('saves a patch', async () => {
    await saveSettings({
      userName: '王芳',
      role: 'supervisor',
      onCallContact: '李主管 13800000000',
    });
    expect(await loadSettings()).toMatchObject({ userName: '王芳', role: 'supervisor' });
  });

  it('a first read that is stale by the time it stores the defaults keeps what was saved meanwhile', async () => {
    // Another page saved between this page's first read (no settings yet) and its first write.
    const stale = Promise.resolve({});
    const saved = await saveSettings({ userName: '王芳', locale: 'zh-CN' });
    const loaded = await loadSettings(stale);
    expect(loaded).toMatchObject({ userId: saved.userId, userName: '王芳', locale: 'zh-CN' });
    expect(await loadSettings()).toMatchObject({ userId: saved.userId, locale: 'zh-CN' });
  });

  it('takes them from a storage read already under way (popup-start.js), else stores a first id', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const early = Promise.resolve({ settings: { userId: 'u-1', userName: '王芳' }, other: 1 });
    expect(await loadSettings(early)).toMatchObject({
      userId: 'u-1',
      userName: '王芳',
      role: 'agent',
    });
    expect(get).not.toHaveBeenCalled();
    // Nothing stored when it was read: a first id, stored as on a read of its own.
    const fresh = await loadSettings(Promise.resolve({}));
    expect((await loadSettings()).userId).toBe(fresh.userId);
  });

  it.each([
    ['auto', 'zh-CN', 'zh-CN'],
    ['auto', 'zh-TW', 'zh-CN'],
    ['auto', 'en-GB', 'en'],
    ['auto', 'de', 'en'],
    ['en', 'zh-CN', 'en'],
    ['zh-CN', 'en-US', 'zh-CN'],
  ] as const)('locale %s with browser UI %s → %s', (setting, ui, expected) => {
    expect(resolveLocale(setting, ui)).toBe(expected);
  });
});
