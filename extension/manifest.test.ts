import { describe, expect, it } from 'vitest';
import { E2E_HOSTS, TEAM_SERVER_PATTERNS, finalizeManifest, manifestFor } from './manifest';
import { WEBMAIL_HOST_PATTERNS } from './permissions/webmail-hosts';

const MINIMAL = [
  'activeTab',
  'scripting',
  'contextMenus',
  'storage',
  'unlimitedStorage',
  'alarms',
  'notifications',
];

/** What WXT does with a runtime content script before our hook runs: grants its hosts. */
function asWxtGenerates(m: ReturnType<typeof manifestFor>) {
  const manifest = structuredClone(m) as Record<string, unknown> & { host_permissions?: string[] };
  manifest.host_permissions = [
    ...new Set([...(manifest.host_permissions ?? []), ...WEBMAIL_HOST_PATTERNS]),
  ];
  manifest.action = { default_title: 'Complaint Desk', default_popup: 'popup.html' };
  return manifest;
}

describe('manifest', () => {
  it.each([
    ['chrome', 3, [...MINIMAL, 'sidePanel', 'offscreen']],
    ['edge', 3, [...MINIMAL, 'sidePanel', 'offscreen']],
    ['firefox', 2, MINIMAL],
  ] as const)(
    '%s MV%d: minimal permissions, no host permission at install',
    (browser, mv, perms) => {
      const m = asWxtGenerates(manifestFor({ browser, manifestVersion: mv, mode: 'production' }));
      finalizeManifest(m, 'production');
      expect(m.permissions).toEqual(perms);
      expect(m.host_permissions).toBeUndefined();
      expect(JSON.stringify(m)).not.toContain('<all_urls>');
      const optional = (
        mv === 3 ? m.optional_host_permissions : m.optional_permissions
      ) as string[];
      expect(optional).toEqual([...WEBMAIL_HOST_PATTERNS, ...TEAM_SERVER_PATTERNS]);
      expect(
        (m.commands as { capture: { suggested_key: { default: string } } }).capture.suggested_key
          .default,
      ).toBe('Alt+Shift+K');
      expect(m.name).toBe('__MSG_extName__');
      expect((m.action as { default_title: string }).default_title).toBe('__MSG_extName__');
    },
  );

  it('the e2e build adds only the hosts automation needs in place of activeTab (and <all_urls> for the screenshot)', () => {
    const m = asWxtGenerates(manifestFor({ browser: 'chrome', manifestVersion: 3, mode: 'e2e' }));
    finalizeManifest(m, 'e2e');
    expect(m.host_permissions).toEqual(E2E_HOSTS);
  });
});
