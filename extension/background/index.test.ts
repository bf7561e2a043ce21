import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb } from '../db/database';
import { COMPLETE_DRAFT } from '../../test/support/extension/fixtures';
import type { ClipPipeline } from './capture-service';

// What WxtVitest's extensionApiMock does: `wxt/browser` is the in-memory fake.
vi.mock('wxt/browser', async () => ({
  browser: (await import('wxt/testing/fake-browser')).fakeBrowser,
}));

const pipeline: ClipPipeline = {
  extract: vi.fn(async () => ({ selection: 'dented washing machine' })),
  sanitize: vi.fn(async (clip: unknown) => clip),
  toDraft: vi.fn((_clip: unknown, ctx: { at: Date }) => ({
    draft: { ...COMPLETE_DRAFT, receivedAt: ctx.at.toISOString() },
    needsReview: false,
  })),
};
vi.mock('./clip-pipeline', () => ({
  createClipPipeline: () => pipeline,
  sanitizeClip: (c: unknown) => c,
}));

const TAB = {
  id: 3,
  windowId: 1,
  url: 'http://127.0.0.1/page',
  title: 'Page',
  active: true,
  index: 0,
  highlighted: true,
  pinned: false,
  incognito: false,
};

type MenuListener = (info: { menuItemId: string }, tab?: { id?: number }) => void;
type CommandListener = (command: string, tab?: { id?: number }) => void;

async function start() {
  const created: { id?: string; title?: string; contexts?: string[] }[] = [];
  let menuListener: MenuListener | undefined;
  let commandListener: CommandListener | undefined;
  // The fake browser does not implement these: spy them (docs/toolchain.md).
  vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(((
    p: (typeof created)[number],
  ) => {
    created.push(p);
    return p.id ?? '';
  }) as never);
  // As the browser does: a rebuild (first start, install, a language change) starts empty.
  vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockImplementation((async () => {
    created.length = 0;
  }) as never);
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(((
    l: MenuListener,
  ) => {
    menuListener = l;
  }) as never);
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(((
    l: CommandListener,
  ) => {
    commandListener = l;
  }) as never);
  let permissionListener: (() => void) | undefined;
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(((l: () => void) => {
    permissionListener = l;
  }) as never);
  vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(
    (() => undefined) as never,
  );
  const granted = new Set<string>();
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async (p: {
    origins: string[];
  }) => p.origins.every((o) => granted.has(o))) as never);
  const registered: { id: string; matches: string[] }[] = [];
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation((async () => [
    ...registered,
  ]) as never);
  vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation((async () => {
    registered.length = 0;
  }) as never);
  vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation((async (
    s: typeof registered,
  ) => {
    registered.push(...s);
  }) as never);
  vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue(TAB as never);
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([TAB] as never);
  const { startBackground } = await import('./index');
  const bg = startBackground();
  await bg.ready;
  return {
    bg,
    created,
    menu: () => menuListener!,
    command: () => commandListener!,
    grant: (origin: string) => {
      granted.add(origin);
      permissionListener?.();
    },
    registered,
  };
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.clearAllMocks();
  const db = openDb();
  await Promise.all(db.tables.map((t) => t.clear()));
});
afterEach(() => vi.restoreAllMocks());

describe('background', () => {
  it('registers the four capture menus, localized, on install', async () => {
    const { created } = await start();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await vi.waitFor(() => expect(created).toHaveLength(4));
    expect(created.map((c) => c.contexts?.[0])).toEqual(['selection', 'page', 'link', 'image']);
    expect(created[0]?.title).toBe('Capture selection as complaint');
  });

  it('a context-menu click captures the clicked tab and commits before anything else', async () => {
    const { bg } = await start();
    const ack = await bg.onMenuClick({ menuItemId: 'capture-selection' }, { id: 3 });
    expect(pipeline.extract).toHaveBeenCalledWith(expect.objectContaining({ id: 3 }), {
      trigger: 'menu.selection',
    });
    expect(ack && (await openDb().events.get(ack.eventId))?.type).toBe('captured');
  });

  it('the registered listeners are the ones tests call', async () => {
    const { menu, command } = await start();
    menu()({ menuItemId: 'capture-page' }, { id: 3 });
    command()('capture', { id: 3 });
    command()('something-else', { id: 3 });
    await vi.waitFor(async () => expect(await openDb().complaints.count()).toBe(2));
  });

  it('registers the webmail button only for the hosts the agent granted', async () => {
    const { grant, registered } = await start();
    expect(registered).toEqual([]);
    grant('https://mail.google.com/*');
    await vi.waitFor(() => expect(registered).toHaveLength(1));
    expect(registered[0]).toMatchObject({
      id: 'webmail-clip-button',
      matches: ['https://mail.google.com/*'],
    });
  });

  it('gives the webmail button its words in the language chosen in Options', async () => {
    await start();
    await fakeBrowser.storage.local.set({ settings: { userId: 'u-1', locale: 'zh-CN' } });
    expect(await fakeBrowser.runtime.sendMessage({ type: 'webmail.labels', data: {} })).toEqual({
      ok: true,
      value: {
        clip: '摘录此邮件',
        clipped: '已摘录到投诉队列',
        notClipped: '未能摘录：请打开扩展查看详情',
      },
    });
    await fakeBrowser.storage.local.set({ settings: { userId: 'u-1', locale: 'en' } });
    expect(await fakeBrowser.runtime.sendMessage({ type: 'webmail.labels', data: {} })).toEqual({
      ok: true,
      value: {
        clip: 'Clip this email',
        clipped: 'Clipped to the complaint queue',
        notClipped: 'Not clipped: open the extension for details',
      },
    });
  });

  it('ignores menu items that are not ours', async () => {
    const { bg } = await start();
    expect(await bg.onMenuClick({ menuItemId: 'other' }, { id: 3 })).toBeUndefined();
    expect(pipeline.extract).not.toHaveBeenCalled();
  });

  it('answers capture.request and queue.status messages with Promises', async () => {
    await start();
    const reply = (await fakeBrowser.runtime.sendMessage({
      type: 'capture.request',
      data: { trigger: 'popup' },
    })) as {
      ok: boolean;
      value: { complaintId: string };
    };
    expect(reply.ok).toBe(true);
    expect(await openDb().complaints.get(reply.value.complaintId)).toBeDefined();
    expect(await fakeBrowser.runtime.sendMessage({ type: 'queue.status', data: {} })).toEqual({
      ok: true,
      value: { failed: 0, inFlight: 0 },
    });
  });

  it('reports a page that cannot be clipped as a message key', async () => {
    await start();
    vi.mocked(pipeline.extract).mockRejectedValueOnce(
      new Error('Cannot access contents of url "chrome://newtab/"'),
    );
    expect(
      await fakeBrowser.runtime.sendMessage({
        type: 'capture.request',
        data: { trigger: 'popup' },
      }),
    ).toEqual({
      ok: false,
      reason: 'ext.error.cannotCapture',
    });
  });

  it('leaves messages it does not handle to other listeners (the offscreen sanitizer)', async () => {
    await start();
    expect(
      await fakeBrowser.runtime.sendMessage({ type: 'sanitize.clip', data: { clip: {} } }),
    ).toBeUndefined();
  });
});
