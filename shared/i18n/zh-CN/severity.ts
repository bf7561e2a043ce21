import type { severity as en } from '../en/severity';
import type { Translation } from '../translate';

export const severity: Translation<typeof en> = {};
