import { capture as enCapture } from './en/capture';
import { common as enCommon } from './en/common';
import { extension as enExtension } from './en/extension';
import { form as enForm } from './en/form';
import { notify as enNotify } from './en/notify';
import { review as enReview } from './en/review';
import { rules as enRules } from './en/rules';
import { severity as enSeverity } from './en/severity';
import { sla as enSla } from './en/sla';
import { validation as enValidation } from './en/validation';
import { widget as enWidget } from './en/widget';
import { workflow as enWorkflow } from './en/workflow';
import { workspace as enWorkspace } from './en/workspace';
import { type Translation, createTranslator } from './translate';
import { capture as zhCapture } from './zh-CN/capture';
import { common as zhCommon } from './zh-CN/common';
import { extension as zhExtension } from './zh-CN/extension';
import { form as zhForm } from './zh-CN/form';
import { notify as zhNotify } from './zh-CN/notify';
import { review as zhReview } from './zh-CN/review';
import { rules as zhRules } from './zh-CN/rules';
import { severity as zhSeverity } from './zh-CN/severity';
import { sla as zhSla } from './zh-CN/sla';
import { validation as zhValidation } from './zh-CN/validation';
import { widget as zhWidget } from './zh-CN/widget';
import { workflow as zhWorkflow } from './zh-CN/workflow';
import { workspace as zhWorkspace } from './zh-CN/workspace';

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
  ...enCapture,
  ...enRules,
  ...enNotify,
  ...enWorkspace,
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
  ...zhCapture,
  ...zhRules,
  ...zhNotify,
  ...zhWorkspace,
};

const translator = createTranslator<Messages>({ en, 'zh-CN': zhCN });
/** `t(locale, key, params)`: a message in `en` or `zh-CN`, parameters typed per key. */
export const t = translator.t;
/** `tKey(locale, key, params)` for keys that arrive as data; unknown keys come back unchanged. */
export const tKey = translator.tKey;
export const hasMessage = translator.has;
