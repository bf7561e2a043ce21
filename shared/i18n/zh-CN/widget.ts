import type { widget as en } from '../en/widget';
import type { Translation } from '../translate';

export const widget: Translation<typeof en> = {};
