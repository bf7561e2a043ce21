import type { extension as en } from '../en/extension';
import type { Translation } from '../translate';

export const extension: Translation<typeof en> = {
  'ext.menu.selection': '将所选内容登记为投诉',
  'ext.menu.page': '将此页面登记为投诉',
  'ext.menu.link': '将此链接登记为投诉',
  'ext.menu.image': '将此图片登记为投诉',

  'ext.error.storageFull':
    '投诉未能保存：浏览器存储空间已满。内容已妥善保留，空间释放后会立即保存。请清理磁盘空间后点击“重试”。',
  'ext.error.writeFailed': '投诉未能写入本地数据库。内容已妥善保留，下次重试时会保存。',
  'ext.error.cannotCapture': '此页面无法摘录（浏览器内部页面和扩展商店不允许摘录）。',
  'ext.error.captureInterrupted': '摘录在读取内容之前被中断，请重新摘录。',
  'ext.error.noReceiver': '扩展正在重新启动，请重试。',
  'ext.error.noTab': '没有可摘录的标签页。',
  'ext.error.sanitizerUnavailable': '摘录内容暂时无法完成安全清理。内容已保留，稍后会重试。',
  'ext.error.notFound': '此投诉已不在队列中。',
  'ext.error.unknown': '出现问题，但没有丢失任何内容，请重试。',

  'ext.notify.savedTitle': '已摘录投诉',
  'ext.notify.saved': ({ title = '' }: { title?: string }) => `已保存到队列：${title}`,
  'ext.notify.reviewTitle': '请核对摘录内容',
  'ext.notify.review': '部分字段识别的可信度较低，请打开侧边栏核对。',
  'ext.notify.failedTitle': '投诉尚未保存',

  'ext.popup.title': '投诉台',
  'ext.popup.capture': '摘录此页面',
  'ext.popup.capturing': '正在摘录…',
  'ext.popup.captured': '已摘录并保存。',
  'ext.popup.newManual': '新建电话/来访/信函投诉',
  'ext.popup.openPanel': '打开登记',
  'ext.popup.queueCount': ({ count }: { count: number }) => `${count} 条投诉待登记`,
  'ext.popup.recent': '最近',
  'ext.popup.empty': '尚未摘录任何内容。在页面上选中文字后按 Alt+Shift+K。',
  'ext.popup.failed': ({ count }: { count: number }) => `${count} 条摘录等待保存`,
  'ext.popup.retry': '重试',
  'ext.popup.options': '设置',
  'ext.popup.untitled': '未命名投诉',
  'ext.popup.needsReview': '需核对',

  'ext.badge.local': '本地',
  'ext.badge.localTitle': '编号由本设备生成，团队服务器将确认或重新编号。',
  'ext.badge.server': '服务器',

  'ext.field.complainant': '投诉人',
  'ext.field.anonymous': '匿名投诉（无法回复）',
  'ext.field.name': '投诉人姓名',
  'ext.field.description': '事情经过',
  'ext.field.demand': '客户诉求',
  'ext.field.demandHint': '客户希望的处理方式；客户未说明时填写“未知”。',

  'ext.panel.alertOnCall': ({ contact = '' }: { contact?: string }) =>
    contact ? `请立即通知值班领导：${contact}。` : '请立即通知值班领导。',

  'ext.webmail.clip': '摘录此邮件',

  'ext.sync.title': '团队同步',
  'ext.sync.localMode': '本地模式：在设置中填写团队服务器后即可与团队共享投诉队列。',
  'ext.sync.never': '尚未同步。',
  'ext.sync.lastSync': ({ time }) => `上次同步：${time}。`,
  'ext.sync.pending': ({ count }) =>
    count === 0 ? '所有更改均已发送。' : `${count} 项更改等待发送。`,
  'ext.sync.lastError': ({ message }) => `上次同步失败：${message}`,
  'ext.sync.nextTry': ({ time }) => `将于 ${time} 重试。`,
  'ext.sync.now': '立即同步',
  'ext.sync.syncing': '正在同步…',
  'ext.sync.done': '已同步。',
  'ext.sync.off': '团队同步未开启：尚未设置服务器。',
  'ext.sync.backoff': '稍候将自动重试。',
  'ext.sync.rejectedTitle': ({ count }) => `团队服务器拒绝了 ${count} 项操作`,
  'ext.sync.rejectedHelp': '这些操作保留在本设备上，但不属于团队记录。如仍需要，请重新操作。',
  'ext.sync.rejectedItem': ({ action, complaint }) => `${action} · ${complaint}`,
  'ext.sync.dismiss': '知道了',
  'ext.sync.reason.forgedRole': ({ role, tokenRole }) =>
    `该操作记录的角色为 ${role}，但您的服务器令牌角色是 ${tokenRole}。请在设置中将您的角色改为 ${tokenRole}。`,
  'ext.sync.reason.idConflict': '服务器上已有另一项使用相同编号的操作。',
  'ext.sync.reason.invalidEvent': ({ fields = '' }) =>
    fields ? `服务器认为该操作无效（${fields}）。` : '服务器认为该操作无效。',
  'ext.sync.reason.staleVersion': '该投诉已在服务器上被他人修改。请重新查看后再操作。',
  'ext.sync.reason.unknown': ({ reason }) => `服务器拒绝了该操作（${reason}）。`,
  'ext.sync.error.url': '请输入以 https:// 开头的服务器地址（本机可用 http://）。',
  'ext.sync.error.insecure': '其他计算机上的服务器地址必须以 https:// 开头，令牌才不会以明文发送。',
  'ext.sync.error.permission': '扩展程序无权访问该服务器。请打开设置并保存团队设置以授予访问权限。',
  'ext.sync.error.network': '无法连接服务器。请检查地址和网络连接。',
  'ext.sync.error.timeout': '服务器响应超时。',
  'ext.sync.error.auth': '服务器不接受该令牌（令牌错误或已被吊销）。请向管理员申请新令牌。',
  'ext.sync.error.forbidden': '该令牌无权执行此操作。',
  'ext.sync.error.notFound': '该地址没有投诉台服务器。',
  'ext.sync.error.tooLarge': '服务器认为本批数据过大而拒绝接收。',
  'ext.sync.error.busy': '服务器繁忙，稍后将自动重试。',
  'ext.sync.error.server': '服务器出现问题，稍后将自动重试。',
  'ext.sync.error.refused': '服务器拒绝了该请求。',
  'ext.sync.error.badAnswer': '服务器的响应无法识别。',
  'ext.sync.error.noProgress': '服务器未接收这些更改。更改已保留，稍后会再次发送。',
  'ext.sync.error.unknown': '同步失败。没有数据丢失，稍后将自动重试。',

  'ext.popup.report': '月度报告',

  'ext.case.loading': '正在加载投诉…',
  'ext.case.notFound': '本设备上没有这条投诉。',
};
