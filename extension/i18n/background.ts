import { extension } from '@shared/i18n/en/extension';
import { extensionPages } from '@shared/i18n/en/extension-pages';
import { type ParamsOf, createTranslator } from '@shared/i18n/translate';
import { extension as zhCN } from '@shared/i18n/zh-CN/extension';
import type { Locale } from '@shared/schema/codes';

// The background only needs the extension's own messages (menus, notifications, errors): a
// translator over that area keeps the other catalogues out of the worker's bundle. Both English
// files of the area: a notification says what the side panel says (`ext.panel.alertOnCall`).
const en = { ...extension, ...extensionPages };
const small = createTranslator<typeof en>({ en, 'zh-CN': zhCN });

export type ExtKey = keyof typeof en & string;

export function backgroundTranslator(locale: Locale) {
  return <K extends ExtKey>(key: K, ...params: ParamsOf<typeof en, K>) =>
    small.t(locale, key, ...params);
}
export type BackgroundT = ReturnType<typeof backgroundTranslator>;
export const backgroundTKey = small.tKey;
