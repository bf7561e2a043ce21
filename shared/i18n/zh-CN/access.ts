import type { access as en } from '../en/access';
import type { Translation } from '../translate';

export const access: Translation<typeof en> = {
  'access.notYours': '此案件已分派给他人。请联系主管，或请对方将案件改派给您。',
  'access.leadOnly': '只有主管或经理可以执行此操作。',
  'sync.serverNumber': '案件编号只能由服务器分配。此操作自带编号，未被记录。',
  'sync.futureTime': ({ at }) => `此操作的时间在未来（${at}）。请检查设备时钟后重试。`,
  'sync.storeFailed': '服务器未能保存此操作。其他操作已记录，此操作稍后会重试。',
  'report.late.title': '延迟记录（设备离线超过允许时长）',
  'report.late.events': '本月收到的延迟操作',
  'report.late.complaints': '含延迟操作的投诉',
  'report.late.clockStops': '停止期限计时的延迟操作（按设备时间计为按时）',
  'caseNumber.provisional': ({ number }) => `待定 · ${number}`,
  'event.late': '延迟记录（离线）',
  'event.receivedAt': ({ time }) => `服务器接收时间 ${time}`,
};
