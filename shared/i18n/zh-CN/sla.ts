import type { sla as en } from '../en/sla';
import type { Translation } from '../translate';

export const sla: Translation<typeof en> = {};
