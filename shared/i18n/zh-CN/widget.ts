import type { widget as en } from '../en/widget';
import type { Translation } from '../translate';

export const widget: Translation<typeof en> = {
  'widget.title': '我要投诉',
  'widget.intro': '请告诉我们出了什么问题，我们会认真调查处理。标有“（选填）”的项目可以不填。',
  'widget.review': '核对投诉内容',
  'widget.confirm.title': '请核对您的投诉',
  'widget.confirm.intro': '请阅读以下摘要。内容无误请提交；如需修改，请返回修改。',
  'widget.confirm.send': '确认并提交',
  'widget.confirm.edit': '返回修改',
  'widget.confirm.anonymous': '匿名：无法答复',
  'widget.sending': '正在提交…',
  'widget.success.title': '谢谢，我们已收到您的投诉',
  'widget.success.case': '您的投诉编号',
  'widget.success.keep': '就此投诉联系我们时，请提供此编号。',
  'widget.success.next': '接下来',
  'widget.success.reply': (p) =>
    `我们将在${p.when ?? '—'}之前答复您（收到投诉后${p.within ?? '—'}内）。`,
  'widget.success.replySoon': '我们会尽快答复您。',
  'widget.success.anonymous': '您选择了匿名投诉，因此我们无法答复您，但仍会调查处理您的投诉。',
  'widget.success.again': '再提交一条投诉',
  'widget.queued.title': '已保存，将自动发送',
  'widget.queued.body':
    '暂时无法连接到我们的服务器。您的投诉已保存在此浏览器中，网络恢复后（或您下次打开本页面时）会自动发送。',
  'widget.error.tooLarge': '投诉内容过大，无法发送。请删除图片或精简文字后重试。',
  'widget.error.rateLimited': (p) => `此处提交的投诉过多，请在 ${p.seconds ?? 60} 秒后重试。`,
  'widget.error.rejected': '此处无法受理这条投诉。请稍后再试，或通过其他方式联系我们。',
  'widget.error.network': '投诉未能发送。请检查网络连接后重试。',
  'widget.error.noEndpoint': '此表单尚未配置完成：缺少提交地址（endpoint）。',
  'widget.kept.forbidden':
    '此网站无权向我们提交投诉（表单配置有误）。您的投诉已保存在此浏览器中：可复制下来，或稍后再试。',
  'widget.kept.notFound':
    '在此表单使用的地址上找不到投诉服务。您的投诉已保存在此浏览器中：可复制下来，或稍后再试。',
  'widget.kept.refused':
    '我们的服务器拒绝了这条投诉，但没有说明原因。投诉已保存在此浏览器中：可重试，或复制后通过其他方式发送。',
  'widget.kept.idReused':
    '我们的服务器在此投诉编号下已有不同的内容，因此您的投诉未被受理。投诉已保存在此浏览器中：请点击“重试”作为新投诉发送，或复制下来。',
  'widget.kept.rejected': (p) =>
    `我们的服务器未受理这条投诉（${p.status ?? '?'}）。投诉已保存在此浏览器中：可稍后重试，或复制后通过其他方式发送。`,
  'widget.kept.server':
    '我们的服务器出现问题。您的投诉已保存在此浏览器中，将自动发送；您也可以现在重试。',
  'widget.kept.notUnderstood': '无法识别服务器的答复。您的投诉已保存在此浏览器中，将自动重新发送。',
  'widget.retry': '重试',
  'widget.copy': '复制我的投诉',
  'widget.copy.done': '已复制，可粘贴到任何地方。',
  'widget.copy.failed': '无法复制。请选中上方文字后复制。',
  'widget.image.remove': (p) => `删除 ${p.name ?? '图片'}`,
  'widget.image.failed': (p) => `无法将 ${p.name ?? '此文件'} 读取为图片。`,
  'widget.image.add': '添加图片',
  'widget.image.working': '正在处理图片…',
  'widget.honeypot': '此项请勿填写',
};
