import type { validation as en } from '../en/validation';
import type { Translation } from '../translate';

export const validation: Translation<typeof en> = {};
