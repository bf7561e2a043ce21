import type { notify as en } from '../en/notify';
import type { Translation } from '../translate';

export const notify: Translation<typeof en> = {
  'notify.title.severe': ({ level }) => `新的${level}投诉`,
  'notify.title.onCall': '非工作时间紧急投诉',
  'notify.title.approval': ({ role }) => `待审批（${role}）`,
  'notify.title.escalated': ({ tier, role }) => `已升级至第 ${tier} 级（${role}）`,
  'notify.title.reopened': ({ round }) => `案件已重新打开（第 ${round} 轮）`,
  'notify.title.secondComplaint': '同一客户的二次投诉',
  'notify.title.warn': ({ clock }) => `${clock}时限即将超时`,
  'notify.title.breach': ({ clock }) => `${clock}时限已超时`,
  'notify.title.callbackDue': '回访到期',
  'notify.field.case': '案件',
  'notify.field.severity': '等级',
  'notify.field.subject': '主题',
  'notify.field.deadline': '期限',
  'notify.field.onCall': '值班',
  'notify.field.open': '查看案件',
  'notify.noCaseNumber': '（编号待分配）',
  'notify.report.subject': ({ month }) => `投诉月报 ${month}`,
  'notify.report.body': ({ month, registered }) =>
    `附件为 ${month} 的投诉月报（CSV）。\n\n登记投诉：${registered} 件。\n\nComplaint Desk`,
  'notify.reply.sent': ({ channel, to }) => `已通过${channel}向客户发送答复（${to}）。`,
  'notify.reply.failed': ({ channel, to, error }) =>
    `通过${channel}向 ${to} 发送答复失败：${error}`,
  'notify.reply.noAddress': '投诉人没有电子邮箱（短信则需手机号码）。',
  'notify.reply.noTransport': '未配置邮件服务器（SMTP_URL）或短信网关渠道。',
  'notify.report.noRecipients': '未配置月报收件人（notifications.monthlyReport.to）。',
};
