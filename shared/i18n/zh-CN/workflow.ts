import type { workflow as en } from '../en/workflow';
import type { Translation } from '../translate';

export const workflow: Translation<typeof en> = {};
