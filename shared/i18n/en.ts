import { enQueue } from './en-queue';
import { enRest } from './en-rest';

/**
 * The source catalogue: every message of every area. Split in two for extension pages
 * (on-demand.ts); no key is in two areas (i18n.test.ts), so the order does not matter.
 */
export const en = { ...enQueue, ...enRest };
export type Messages = typeof en;
export type MessageKey = keyof Messages & string;
