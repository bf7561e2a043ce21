import type { form as en } from '../en/form';
import type { Translation } from '../translate';

export const form: Translation<typeof en> = {};
