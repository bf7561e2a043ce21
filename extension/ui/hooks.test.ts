import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { POLICY_KEY, SETTINGS_KEY } from '../settings/keys';
import { policySource, setServerPolicy } from '../policy/stored-policy';
import { defaultPolicy } from '@shared/policy/default-policy';
import { pageSettings } from './hooks';

vi.mock('wxt/browser', async () => ({
  browser: (await import('wxt/testing/fake-browser')).fakeBrowser,
}));

beforeEach(() => {
  fakeBrowser.reset();
  setServerPolicy(undefined);
});

describe('pageSettings with an early storage read (the popup)', () => {
  it('renders from that read, and reads the policy again in case it was stored in between', async () => {
    const stored = { version: 'v-2', policy: defaultPolicy, fetchedAt: '2026-03-02T04:00:00.000Z' };
    const early = Promise.resolve({ [SETTINGS_KEY]: { userId: 'u-7', locale: 'en' } });
    // Stored after the early read was taken, before the page watched the key.
    await fakeBrowser.storage.local.set({ [POLICY_KEY]: stored });
    const settings = await pageSettings({ queueFirst: true, stored: early });
    expect(settings.userId).toBe('u-7');
    await vi.waitFor(() => expect(policySource()).toEqual({ source: 'server', version: 'v-2' }));
  });
});
