import type { rules as en } from '../en/rules';
import type { Translation } from '../translate';

export const rules: Translation<typeof en> = {
  'workflow.reply.lateReasonRequired': (p) => `已超过答复时限（${p.due}），请填写超时原因。`,
  'workflow.resolution.unknownRootCause': (p) => `${p.code} 不是本组织的原因代码。`,
  'workflow.resolution.sharesNeedCompany': '只有公司责任才能在部门之间分担。',
  'workflow.resolution.sharesInvalid': '每个部门只能出现一次，分担比例合计须为 100%。',
  'clock.feedback': '承诺反馈',
  'report.otherCauses': '归入“其他”的原因（原文）',
  'report.byResponsibleDepartment': '公司责任按责任部门（按比例分担）',
  'report.vip': '重要业户',
  'report.handled': '已处理',
  'cause.design': '设计',
  'cause.material': '材料',
  'cause.manufacturing': '制造',
  'cause.inspection': '检验漏检',
  'cause.transport': '运输与仓储',
  'cause.installation': '安装',
  'cause.service_process': '服务流程',
  'cause.staff_conduct': '员工行为',
  'cause.communication': '沟通',
  'cause.supplier': '供应商',
  'cause.other': '其他',
  'review.view.vip': '重要业户',
  'workflow.escalate.unknownRole': (p) => `${p.role} 不是本组织的升级层级。`,
};
