import { extension } from '@shared/i18n/en/extension';
import { type ParamsOf, createTranslator } from '@shared/i18n/translate';
import { extension as zhCN } from '@shared/i18n/zh-CN/extension';
import type { Locale } from '@shared/schema/codes';

// The background only needs the extension's own messages (menus, notifications, errors): a
// translator over that area keeps the other catalogues out of the worker's bundle (the other
// pages' English, `extension-pages.ts`, too; a notification that says what the side panel says,
// `ext.panel.alertOnCall`, is in this area).
const en = { ...extension };
const small = createTranslator<typeof en>({ en, 'zh-CN': zhCN });

export type ExtKey = keyof typeof en & string;

export function backgroundTranslator(locale: Locale) {
  return <K extends ExtKey>(key: K, ...params: ParamsOf<typeof en, K>) =>
    small.t(locale, key, ...params);
}
export type BackgroundT = ReturnType<typeof backgroundTranslator>;
export const backgroundTKey = small.tKey;
