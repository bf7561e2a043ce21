import type { workspace as en } from '../en/workspace';
import type { Translation } from '../translate';

export const workspace: Translation<typeof en> = {
  'actor.intake': '网页表单',
  'actor.server': '团队服务器',

  'ws.zone': ({ zone }) => `时间按 ${zone} 显示`,
  'ws.zoneShort': ({ zone }) => `（${zone}）`,

  'ws.month.previous': '上个月',
  'ws.month.next': '下个月',
  'ws.month.year': '年份',
  'ws.month.month': '月份',

  'ws.export.slaState': '期限状态',
  'ws.export.dueAt': ({ zone }) => `下一期限（${zone}）`,
  'ws.export.receivedAt': ({ zone }) => `收到时间（${zone}）`,

  'ws.template.amount': ({ amount }) => `金额：${amount}。`,
  'ws.template.honorific': ({ name }) => `${name}先生/女士`,

  'ws.options.you': '您的信息',
  'ws.options.capture': '采集',
  'ws.options.languageGroup': '语言',
  'ws.options.roleLocked': '您的角色由团队令牌决定，如需更改请联系管理员。',

  'ws.team.handler': '处理人',
  'ws.team.choose': '选择人员',
  'ws.team.assignToMe': '分派给我',
  'ws.team.me': ({ name }) => `${name}（我）`,
  'ws.team.asOf': ({ at }) => `团队名单（离线副本，更新于 ${at}）。`,
  'ws.team.none': '尚无团队名单：请在选项中连接团队服务器，或手动填写处理人。',
  'ws.team.handlerId': '处理人编号',
  'ws.team.handlerName': '处理人姓名',

  'ws.history.refused': ({ reason }) => `团队服务器已拒绝：${reason}`,
  'ws.history.pending': '尚未发送到团队服务器',

  'ws.keys.title': '本投诉的快捷键',
  'ws.keys.open': '键盘快捷键（?）',
  'ws.keys.line': ({ key, action }) => `${key}：${action}`,
  'ws.keys.help': '?：显示此列表',
  'ws.keys.escape': 'Esc：关闭此列表',
  'ws.keys.close': '关闭',
  'ws.keys.unavailable': ({ action, reason }) => `现在不能执行“${action}”：${reason}`,

  'ws.team.noDepartment': '未设部门',
  'ws.team.memberRole': ({ name, role }) => `${name} · ${role}`,

  'ws.backup.noFile': '未选择文件',

  'ws.report.casesBehind': ({ figure, count }) => `${figure}：${count} 条投诉`,
  'ws.report.closeCases': '收起列表',
  'ws.report.showCases': ({ figure }) => `查看对应投诉：${figure}`,

  'workflow.contact.callBackAt': '请填写客户约定回电的时间。',
  'contactMethod.phone': '电话',
  'contactMethod.email': '电子邮件',
  'contactMethod.visit': '上门',
  'contactMethod.sms': '短信',
  'contactOutcome.reached': '已联系上',
  'contactOutcome.no_answer': '无人接听',
  'contactOutcome.call_back': '约定回电',
  'ws.contact.method': '联系方式',
  'ws.contact.outcome': '联系结果',
  'ws.contact.callBackAt': '约定回电时间',
  'ws.contact.nextStep': '下一步',
  'ws.contact.callBackAtWhen': ({ at }) => `约定 ${at} 回电`,
  'ws.contact.next': ({ step }) => `下一步：${step}`,
  'ws.auto.breached': ({ clock }) => `自动：${clock}时限已过`,
  'ws.auto.unfinished': '自动：首次报告后未在时限内办结',
  'ws.auto.visitsMissed': '自动：预约上门连续多日未到',

  'ws.queue.showDone': '显示已结案和已撤回',
  'ws.queue.doneHidden': '已结案和已撤回的投诉已隐藏。',
  'ws.queue.due': ({ clock, due }) => `${clock} · ${due}`,
  'ws.queue.unassigned': '未分派',
  'ws.queue.received': ({ at }) => `${at} 收到`,

  'ws.case.proposedBy': '方案提出人',
  'ws.case.approvedBy': '批准人',
};
