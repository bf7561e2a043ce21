import type { workflow as en } from '../en/workflow';
import type { Translation } from '../translate';
import { common } from './common';

const events = {
  'event.captured': '采集',
  'event.draftUpdated': '编辑草稿',
  'event.registered': '登记',
  'event.caseNumberAssigned': '分配案件编号',
  'event.classified': '分类',
  'event.assigned': '分派',
  'event.contacted': '联系客户',
  'event.noteAdded': '添加备注',
  'event.severityOverridden': '调整严重等级',
  'event.resolutionProposed': '提出处理方案',
  'event.approved': '批准',
  'event.approvalRejected': '驳回方案',
  'event.replied': '答复客户',
  'event.callbackRecorded': '记录回访',
  'event.reopened': '重新处理',
  'event.escalated': '升级',
  'event.markedInvalid': '判定为无效投诉',
  'event.invalidConfirmed': '确认无效判定',
  'event.withdrawn': '记录撤回',
  'event.transferred': '转出',
  'event.deadlineExtended': '延长期限',
  'event.closed': '结案',
  'event.personalDataErased': '删除个人信息',
  'event.visitBooked': '预约上门',
  'event.visitMade': '已上门',
} as const;

type Lookup = Record<string, string>;
const name = (catalog: Lookup, key: string) => catalog[key] ?? key;
const eventName = (event: string) => name(events, `event.${event}`);

export const workflow: Translation<typeof en> = {
  ...events,

  'workflow.event.invalid': (p) =>
    p.fields ? `该操作格式不正确，未被记录。请检查：${p.fields}。` : '该操作格式不正确，未被记录。',
  'workflow.event.otherComplaint': '该操作属于另一条投诉。',
  'workflow.event.duplicate': '该操作已记录过。',
  'workflow.noComplaint': (p) => `“${eventName(p.event)}”需要已存在的投诉，请先采集或登记。`,
  'workflow.forbidden': (p) => `${name(common, `role.${p.role}`)}无权执行“${eventName(p.event)}”。`,
  'workflow.illegal': (p) =>
    `投诉处于“${name(common, `status.${p.status}`)}”状态时不能执行“${eventName(p.event)}”。`,
  'workflow.time.beforeReceived': '该操作的时间早于投诉受理时间。',
  'workflow.reasonRequired': '请填写原因。',
  'workflow.register.invalid': (p) => `记录信息不完整，无法登记。请检查：${p.fields}。`,
  'workflow.caseNumber.alreadyIssued': '服务器已为该投诉分配案件编号。',
  'workflow.classify.empty': '请选择类别或部门。',
  'workflow.classify.unknownCategory': (p) => `“${p.category}”不是本单位的投诉类别。`,
  'workflow.unknownDepartment': (p) => `“${p.department}”不是本单位的部门。`,
  'workflow.assign.notRegistered': '请先登记投诉，再进行分派。',
  'workflow.assign.recusal': '该投诉针对此人，请分派给其他人（回避）。',
  'workflow.note.empty': '请先填写备注内容。',
  'workflow.resolution.contactFirst': '请先联系客户，再提出处理方案。',
  'workflow.resolution.descriptionRequired': '请描述处理方案。',
  'workflow.resolution.rootCauseRequired': '责任在公司：请填写根本原因。',
  'workflow.resolution.correctiveActionRequired': '责任在公司：请填写纠正措施。',
  'workflow.resolution.amountRequired': '请填写赔偿金额。',
  'workflow.resolution.currency': (p) =>
    `审批金额以 ${p.expected} 计，请先将 ${p.currency} 金额换算。`,
  'workflow.resolution.beyondAuthority': (p) => `没有任何角色有权批准 ${p.amount} 的赔偿。`,
  'workflow.approve.insufficient': (p) =>
    `该方案需由${name(common, `role.${p.role}`)}或审批权限更高的人员批准。`,
  'workflow.reply.resolutionRequired': '答复前请先记录责任归属和处理方案。',
  'workflow.reply.approvalPending': '处理方案仍在等待审批。',
  'workflow.reply.messageRequired': '请填写给客户的答复。',
  'workflow.callback.attemptRequired': '标记为无法联系前，请记录短信或邮件的发送时间。',
  'workflow.callback.tooEarly': (p) =>
    `短信或邮件发出后需等待 ${p.days} 个工作日，才能标记为无法联系。`,
  'workflow.close.callbackRequired': '结案前请记录回访结果（满意、客户拒绝回访或无法联系）。',
  'workflow.reopen.verdictNeedsLead': '只有主管或经理可以推翻无效投诉判定。',
  'workflow.escalate.top': '该投诉已处于最高层级。',
  'workflow.invalid.explanationRequired': '请填写将发送给客户的解释说明。',
  'workflow.invalid.alreadyConfirmed': '该判定已确认。',
  'workflow.transfer.destinationRequired': '请填写转往何处。',
  'workflow.extend.customerAgreement': '只有经客户同意才能延长期限。',
  'workflow.extend.untilPast': '新的期限必须晚于当前时间。',
  'workflow.extend.clockNotRunning': (p) => `“${name(common, `clock.${p.clock}`)}”时限未在计时。`,

  'workflow.review.invalidVerdict': '待确认的无效投诉判定',
  'workflow.review.unsatisfied': '回访不满意',
  'workflow.review.unreachable': '以无法联系结案',
  'workflow.review.reassigned': '已转派两次及以上',
};
