import { browser } from 'wxt/browser';
import type { BackgroundT as T } from '../i18n/background';
import type { CaptureRequest } from './capture-types';

export const MENU_IDS = {
  'capture-selection': {
    context: 'selection',
    trigger: 'menu.selection',
    title: 'ext.menu.selection',
  },
  'capture-page': { context: 'page', trigger: 'menu.page', title: 'ext.menu.page' },
  'capture-link': { context: 'link', trigger: 'menu.link', title: 'ext.menu.link' },
  'capture-image': { context: 'image', trigger: 'menu.image', title: 'ext.menu.image' },
} as const;
export type MenuId = keyof typeof MENU_IDS;

/** (Re)creates the context menu entries in the UI language. */
export async function registerMenus(t: T): Promise<void> {
  await browser.contextMenus.removeAll();
  for (const [id, m] of Object.entries(MENU_IDS)) {
    browser.contextMenus.create({ id, title: t(m.title), contexts: [m.context] });
  }
}

/** The capture request a menu click stands for, or undefined for another extension's item. */
export function requestFromMenu(info: {
  menuItemId: string | number;
  linkUrl?: string;
  srcUrl?: string;
}): CaptureRequest | undefined {
  const m = MENU_IDS[String(info.menuItemId) as MenuId];
  if (!m) return undefined;
  return {
    trigger: m.trigger,
    ...(info.linkUrl ? { linkUrl: info.linkUrl } : {}),
    ...(info.srcUrl ? { srcUrl: info.srcUrl } : {}),
  };
}
