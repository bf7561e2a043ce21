import type { sla as en } from '../en/sla';
import type { Translation } from '../translate';

export const sla: Translation<typeof en> = {
  'sla.state.running': '正常',
  'sla.state.at_risk': '即将超时',
  'sla.state.breached': '已超时',
  'sla.state.met': '按时完成',
  'sla.state.missed': '超时完成',
  'sla.calendarUnknown': '业务日历中尚无该时段的法定节假日数据：期限仅按每周休息日计算。',
  'sla.effect.alertOnCall': '已通知值班负责人',
  'sla.duration': ({ days = 0, hours = 0, minutes = 0 }) =>
    [
      days && `${days}天`,
      hours && `${hours}小时`,
      (minutes || !(days || hours)) && `${minutes}分钟`,
    ]
      .filter(Boolean)
      .join(''),
  'sla.dueIn': ({ duration = '' }) => `${duration}后到期`,
  'sla.overdueBy': ({ duration = '' }) => `已超时${duration}`,
};
