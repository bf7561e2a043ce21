import type { alerts as en } from '../en/alerts';
import type { Translation } from '../translate';

export const alerts: Translation<typeof en> = {
  'alert.unregistered': '未登记',
  'alert.badge.breached': ({ count }) => `${count} 条投诉已超时`,
  'alert.badge.atRisk': ({ count }) => `${count} 条投诉即将超时`,
  'alert.badge.clear': '没有即将超时的投诉',
  'alert.severe.title': ({ level }) => `新的${level}投诉`,
  'alert.warn.title': ({ clock }) => `${clock}期限即将到期`,
  'alert.breach.title': ({ clock }) => `${clock}期限已超时`,
  'alert.onCall.title': '非工作时间紧急投诉',
  'alert.body': ({ caseLabel, subject }) => `${caseLabel}：${subject}`,
  'alert.onCall.body': ({ contact, caseLabel, subject }) =>
    contact
      ? `请立即联系值班负责人${contact}。${caseLabel}：${subject}`
      : `请立即通知值班负责人。${caseLabel}：${subject}`,
};
