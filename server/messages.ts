import { tKey } from '../shared/i18n/index';
import { type Translation, createTranslator, pickLocale } from '../shared/i18n/translate';
import type { Locale } from '../shared/schema/codes';
import type { FieldError } from '../shared/schema/issues';

/**
 * The server's own API messages (the request-level errors no shared schema produces). Validation
 * messages come from the shared catalogues; `message()` looks in both.
 */
const en = {
  'request.notJson': 'Send the body as JSON (Content-Type: application/json).',
  'request.invalidJson': 'The request body is not valid JSON.',
  'request.invalidUtf8': 'The request body is not valid UTF-8 text.',
  'request.notObject': 'The request body must be a JSON object.',
  'request.tooLarge': (p: { limitKb: number }) =>
    `The request is larger than the limit of ${p.limitKb} KB.`,
  'request.tooDeep': (p: { max: number }) =>
    `The request nests values more than ${p.max} levels deep.`,
  'request.badText':
    'The text contains characters that cannot be stored (NUL or a broken surrogate).',
  'request.invalidQuery': 'A query parameter is not valid.',
  'intake.originNotAllowed': 'This website is not allowed to send complaints to this server.',
  'intake.unknownSite': 'This site is not registered on this server.',
  'intake.rateLimited': (p: { seconds: number }) =>
    `Too many complaints were sent from here. Please try again in ${p.seconds} seconds.`,
  'intake.idReused': 'This submission id was already used for a different complaint.',
  'intake.quotaExceeded':
    'This website has sent as many complaints today as the server accepts. Please try again later or contact us another way.',
  'intake.storageFull':
    'The server has no room left for photos. Please send the complaint without photos, or try again later.',
  'intake.tooFast':
    'The form was sent very quickly. Please check your complaint and send it again.',
  'intake.mediaType':
    'Send the complaint as JSON (application/json), or as multipart/form-data with photos.',
  'request.badMultipart': (p: { part?: string }) =>
    p.part
      ? `The form data is not as expected (part “${p.part}”): send a “submission” part with the complaint and up to 3 “images” parts.`
      : 'The form data could not be read: send a “submission” part with the complaint and up to 3 “images” parts.',
  'intake.tooManyFiles': (p: { max: number }) => `Attach at most ${p.max} images.`,
  'intake.fileTooLarge': (p: { name: string; maxKb: number }) =>
    `The image “${p.name}” is larger than ${p.maxKb / 1024} MB.`,
  'intake.fileType': (p: { name: string }) => `“${p.name}” is not a JPEG, PNG or WebP image.`,
  'attachment.notFound': 'There is no such attachment.',
  'file.hashMismatch': 'The file’s SHA-256 is not the one in the address: the upload was damaged.',
  'auth.required': 'Sign in with an API token (Authorization: Bearer …).',
  'auth.invalid': 'The API token is not valid or was revoked.',
  'auth.forbidden': 'Your role may not do this.',
  'complaint.notFound': 'There is no such complaint.',
  'complaint.staleVersion': 'The complaint changed in the meantime. Reload it and try again.',
  'complaint.otherId': 'The action names another complaint than the address.',
  'sync.forgedRole': (p: { role: string; tokenRole: string }) =>
    `This action claims the role ${p.role}, but your token's role is ${p.tokenRole}.`,
  'sync.idConflict': 'Another action with this id was already recorded.',
  'sync.invalidEvent': (p: { fields?: string }) =>
    p.fields ? `This action is not valid (${p.fields}).` : 'This action is not valid.',
  'sync.tooMany': (p: { max: number }) => `Send at most ${p.max} actions at once.`,
  'token.unknownDepartment': (p: { department: string }) =>
    `"${p.department}" is not one of the organisation's departments.`,
  notFound: 'Not found.',
  'server.internal': 'Something went wrong on the server. Please try again later.',
} as const;

const zhCN: Translation<typeof en> = {
  'request.notJson': '请以 JSON 格式发送（Content-Type: application/json）。',
  'request.invalidJson': '请求内容不是有效的 JSON。',
  'request.invalidUtf8': '请求内容不是有效的 UTF-8 文本。',
  'request.notObject': '请求内容必须是一个 JSON 对象。',
  'request.tooLarge': (p) => `请求超过了 ${p.limitKb} KB 的上限。`,
  'request.tooDeep': (p) => `请求的嵌套层级超过了 ${p.max} 层。`,
  'request.badText': '文本中含有无法保存的字符（NUL 或残缺的代理对）。',
  'request.invalidQuery': '查询参数无效。',
  'intake.originNotAllowed': '此网站无权向本服务器提交投诉。',
  'intake.unknownSite': '此站点未在本服务器登记。',
  'intake.rateLimited': (p) => `提交过于频繁，请在 ${p.seconds} 秒后重试。`,
  'intake.idReused': '此提交编号已用于另一条投诉。',
  'intake.quotaExceeded':
    '本网站今日提交的投诉已达服务器上限。请稍后重试，或通过其他方式联系我们。',
  'intake.storageFull': '服务器的照片存储空间已满。请不带照片提交投诉，或稍后重试。',
  'intake.tooFast': '表单提交过快，请核对投诉内容后重新提交。',
  'intake.mediaType':
    '请以 JSON（application/json）提交投诉，或带照片以 multipart/form-data 提交。',
  'request.badMultipart': (p) =>
    p.part
      ? `表单数据不符合要求（部分“${p.part}”）：请发送一个包含投诉内容的“submission”部分，以及最多 3 个“images”部分。`
      : '无法读取表单数据：请发送一个包含投诉内容的“submission”部分，以及最多 3 个“images”部分。',
  'intake.tooManyFiles': (p) => `最多只能附加 ${p.max} 张图片。`,
  'intake.fileTooLarge': (p) => `图片“${p.name}”超过了 ${p.maxKb / 1024} MB。`,
  'intake.fileType': (p) => `“${p.name}”不是 JPEG、PNG 或 WebP 图片。`,
  'attachment.notFound': '没有这个附件。',
  'auth.required': '请使用 API 令牌登录（Authorization: Bearer …）。',
  'auth.invalid': 'API 令牌无效或已被吊销。',
  'auth.forbidden': '您的角色无权执行此操作。',
  'complaint.notFound': '没有这条投诉。',
  'file.hashMismatch': '文件的 SHA-256 与地址中的不一致：上传已损坏。',
  'complaint.staleVersion': '该投诉已被他人修改，请刷新后重试。',
  'complaint.otherId': '操作所属的投诉与地址中的投诉不一致。',
  'sync.forgedRole': (p) => `此操作声称角色为 ${p.role}，但您的令牌角色是 ${p.tokenRole}。`,
  'sync.idConflict': '已有另一项使用此编号的操作。',
  'sync.invalidEvent': (p) => (p.fields ? `此操作无效（${p.fields}）。` : '此操作无效。'),
  'sync.tooMany': (p) => `每次最多发送 ${p.max} 项操作。`,
  'token.unknownDepartment': (p) => `“${p.department}”不是本单位的部门。`,
  notFound: '未找到。',
  'server.internal': '服务器出错了，请稍后重试。',
};

const server = createTranslator<typeof en>({ en, 'zh-CN': zhCN });

export type ServerMessageKey = keyof typeof en;

/** A server or shared message in `locale`; unknown keys come back unchanged. */
export function message(locale: Locale, key: string, params?: Record<string, unknown>): string {
  return server.has(key) ? server.tKey(locale, key, params) : tKey(locale, key, params);
}

/** The locale of a request: Accept-Language first, then the given fallback. */
export function requestLocale(
  acceptLanguage: string | undefined | null,
  fallback: Locale = 'en',
): Locale {
  return pickLocale(acceptLanguage, fallback);
}

/** One request-level error in the API's `{errors:[…]}` shape. */
export function requestError(
  locale: Locale,
  code: ServerMessageKey | string,
  params?: Record<string, unknown>,
  path = '',
): { errors: FieldError[] } {
  return { errors: [{ path, code, message: message(locale, code, params) }] };
}
