import { common as enCommon } from '@shared/i18n/en/common';
import { form as enForm } from '@shared/i18n/en/form';
import { widget as enWidget } from '@shared/i18n/en/widget';
import { type Catalog, createTranslator } from '@shared/i18n/translate';
import { common as zhCommon } from '@shared/i18n/zh-CN/common';
import { form as zhForm } from '@shared/i18n/zh-CN/form';
import { widget as zhWidget } from '@shared/i18n/zh-CN/widget';

// Only the areas the widget shows. The build prunes `common` to the category and profile names
// (widget/vite.config.ts); the validation messages arrive with the schema chunk (addMessages).
const en = { ...enCommon, ...enForm, ...enWidget };
const zh: Catalog = { ...zhCommon, ...zhForm, ...zhWidget };
export const { t, tKey } = createTranslator<typeof en>({ en, 'zh-CN': zh as typeof en });

/** Adds a catalogue area loaded later (the translator reads its catalogues at call time). */
export function addMessages(more: { en: Catalog; 'zh-CN': Catalog }): void {
  Object.assign(en, more.en);
  Object.assign(zh, more['zh-CN']);
}
