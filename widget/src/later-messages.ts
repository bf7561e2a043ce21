import { widget as en } from '@shared/i18n/en/widget';
import type { Catalog } from '@shared/i18n/translate';
import { widget as zh } from '@shared/i18n/zh-CN/widget';

// Messages of the steps after the form (read-back, success, queued, send errors). In source this
// is the whole widget catalogue; the build keeps here only those steps' keys and leaves them out
// of the first load (widget/vite.config.ts, LATER_KEYS).
export const laterMessages: { en: Catalog; 'zh-CN': Catalog } = { en, 'zh-CN': zh };
