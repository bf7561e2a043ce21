import type { rules as en } from '../en/rules';
import type { Translation } from '../translate';

export const rules: Translation<typeof en> = {
  'workflow.reply.lateReasonRequired': (p) => `已超过答复时限（${p.due}），请填写超时原因。`,
  'workflow.escalate.unknownRole': (p) => `${p.role} 不是本组织的升级层级。`,
};
