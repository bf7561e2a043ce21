import type { ConfigEnv, UserManifest } from 'wxt';
import { WEBMAIL_HOST_PATTERNS } from './permissions/webmail-hosts';

/**
 * Browser tests only (`--mode e2e`): stands in for the activeTab grant a real click gives, which
 * automation cannot produce. Production builds have no host permission at all. `<all_urls>` is
 * for `tabs.captureVisibleTab`, which accepts only activeTab or `<all_urls>` (a host permission
 * for the page is not enough), so the capture's screenshot is really taken in browser tests.
 */
export const E2E_HOSTS = [
  'http://127.0.0.1/*',
  ...WEBMAIL_HOST_PATTERNS,
  'https://*.example.test/*',
  '<all_urls>',
];

/**
 * The team server's origin is the user's choice (options page), so any http(s) origin may be
 * requested — one at a time, on request, never at install (team-settings.tsx asks for exactly the
 * configured origin). Plain http is for a server on this computer or the local network.
 */
export const TEAM_SERVER_PATTERNS = ['https://*/*', 'http://*/*'];

/** The manifest WXT completes with the entrypoints (wxt.config.ts `manifest`). */
export function manifestFor({
  browser,
  manifestVersion,
  mode,
}: Pick<ConfigEnv, 'browser' | 'manifestVersion' | 'mode'>): UserManifest {
  const chromium = browser !== 'firefox';
  return {
    // A copy: WXT appends to this array in place.
    ...(mode === 'e2e' ? { host_permissions: [...E2E_HOSTS] } : {}),
    name: '__MSG_extName__',
    version: '0.1.0',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'activeTab',
      'scripting',
      'contextMenus',
      'storage',
      'unlimitedStorage',
      'alarms',
      'notifications',
      // DOMPurify needs a DOM; the MV3 service worker has none (see background/sanitize-host.ts).
      ...(chromium ? ['sidePanel', 'offscreen'] : []),
    ],
    // Webmail hosts only on request (options page) for the live "clip this email" button; the
    // team server's origin on request too.
    ...(manifestVersion === 3
      ? { optional_host_permissions: [...WEBMAIL_HOST_PATTERNS, ...TEAM_SERVER_PATTERNS] }
      : { optional_permissions: [...WEBMAIL_HOST_PATTERNS, ...TEAM_SERVER_PATTERNS] }),
    commands: {
      capture: { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_commandCapture__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'complaint-desk@example.test', strict_min_version: '115.0' },
          },
        }
      : {}),
  } as UserManifest;
}

type Manifest = {
  permissions?: string[];
  host_permissions?: string[];
  action?: { default_title?: string };
  browser_action?: { default_title?: string };
};

/**
 * After WXT generated the manifest (`build:manifestGenerated`): WXT grants a runtime-registered
 * content script's hosts at install, but ours are optional only (requested from the options
 * page), so they come back out; and the toolbar tooltip is localized like the name.
 */
export function finalizeManifest(manifest: Manifest, mode: string): void {
  const optional = new Set(WEBMAIL_HOST_PATTERNS);
  const allowed = mode === 'e2e' ? E2E_HOSTS : [];
  const keep = (list?: string[]) => list?.filter((p) => !optional.has(p) || allowed.includes(p));
  if (manifest.permissions) manifest.permissions = keep(manifest.permissions);
  if (manifest.host_permissions) manifest.host_permissions = keep(manifest.host_permissions);
  if (manifest.host_permissions?.length === 0) delete manifest.host_permissions;
  for (const action of [manifest.action, manifest.browser_action]) {
    if (action) action.default_title = '__MSG_extName__';
  }
}
