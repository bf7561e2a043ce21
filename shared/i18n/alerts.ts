import { common } from './en/common';
import { review } from './en/review';
import { createTranslator } from './translate';
import { common as zhCommon } from './zh-CN/common';
import { review as zhReview } from './zh-CN/review';

/**
 * The messages of the alerts (shared/alerts: the badge and the notifications: their titles in
 * the review area, the clocks and levels in the common one), in both languages, without the
 * other areas: the extension's background shows alerts at any time, so it holds them, and only
 * them (~15 KB gzip less than both whole catalogues).
 */
const en = { ...common, ...review };
const translator = createTranslator<typeof en>({ en, 'zh-CN': { ...zhCommon, ...zhReview } });
export const t = translator.t;
export const tKey = translator.tKey;
