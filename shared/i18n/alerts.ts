import { alerts } from './en/alerts';
import { common } from './en/common';
import { createTranslator } from './translate';
import { alerts as zhAlerts } from './zh-CN/alerts';
import { common as zhCommon } from './zh-CN/common';

/**
 * The messages of the alerts (shared/alerts: the badge and the notifications; the clocks and
 * levels they name are in the common area), in both languages, without the other areas: the
 * extension's background shows alerts at any time, so it holds them, and only them (both whole
 * catalogues weighed ~20 KB gzip in its bundle).
 */
const en = { ...common, ...alerts };
const translator = createTranslator<typeof en>({ en, 'zh-CN': { ...zhCommon, ...zhAlerts } });
export const t = translator.t;
export const tKey = translator.tKey;
