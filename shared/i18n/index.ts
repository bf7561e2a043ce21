import { access as enAccess } from './en/access';
import { common as enCommon } from './en/common';
import { extension as enExtension } from './en/extension';
import { form as enForm } from './en/form';
import { review as enReview } from './en/review';
import { severity as enSeverity } from './en/severity';
import { sla as enSla } from './en/sla';
import { validation as enValidation } from './en/validation';
import { widget as enWidget } from './en/widget';
import { workflow as enWorkflow } from './en/workflow';
import { type Translation, createTranslator } from './translate';
import { access as zhAccess } from './zh-CN/access';
import { common as zhCommon } from './zh-CN/common';
import { extension as zhExtension } from './zh-CN/extension';
import { form as zhForm } from './zh-CN/form';
import { review as zhReview } from './zh-CN/review';
import { severity as zhSeverity } from './zh-CN/severity';
import { sla as zhSla } from './zh-CN/sla';
import { validation as zhValidation } from './zh-CN/validation';
import { widget as zhWidget } from './zh-CN/widget';
import { workflow as zhWorkflow } from './zh-CN/workflow';

/** The source catalogue: every message of every area. */
export const en = {
  ...enCommon,
  ...enValidation,
  ...enWorkflow,
  ...enSeverity,
  ...enSla,
  ...enForm,
  ...enWidget,
  ...enExtension,
  ...enReview,
  ...enAccess,
};
export type Messages = typeof en;
export type MessageKey = keyof Messages & string;

export const zhCN: Translation<Messages> = {
  ...zhCommon,
  ...zhValidation,
  ...zhWorkflow,
  ...zhSeverity,
  ...zhSla,
  ...zhForm,
  ...zhWidget,
  ...zhExtension,
  ...zhReview,
  ...zhAccess,
};

const translator = createTranslator<Messages>({ en, 'zh-CN': zhCN });
/** `t(locale, key, params)`: a message in `en` or `zh-CN`, parameters typed per key. */
export const t = translator.t;
/** `tKey(locale, key, params)` for keys that arrive as data; unknown keys come back unchanged. */
export const tKey = translator.tKey;
export const hasMessage = translator.has;
