import { access as zhAccess } from './zh-CN/access';
import { alerts as zhAlerts } from './zh-CN/alerts';
import { workspace as zhWorkspace } from './zh-CN/workspace';
import { notify as zhNotify } from './zh-CN/notify';
import { rules as zhRules } from './zh-CN/rules';
import { capture as zhCapture } from './zh-CN/capture';
import { common as zhCommon } from './zh-CN/common';
import { extension as zhExtension } from './zh-CN/extension';
import { extensionPages as zhExtensionPages } from './zh-CN/extension-pages';
import { form as zhForm } from './zh-CN/form';
import { review as zhReview } from './zh-CN/review';
import { severity as zhSeverity } from './zh-CN/severity';
import { sla as zhSla } from './zh-CN/sla';
import { validation as zhValidation } from './zh-CN/validation';
import { widget as zhWidget } from './zh-CN/widget';
import { workflow as zhWorkflow } from './zh-CN/workflow';
import type { Messages } from './en';
import type { Translation } from './translate';

/** Every message in Simplified Chinese, typed against the source catalogue. */
export const zhCN: Translation<Messages> = {
  ...zhCommon,
  ...zhValidation,
  ...zhWorkflow,
  ...zhSeverity,
  ...zhSla,
  ...zhForm,
  ...zhWidget,
  ...zhExtension,
  ...zhExtensionPages,
  ...zhReview,
  ...zhCapture,
  ...zhRules,
  ...zhNotify,
  ...zhWorkspace,
  ...zhAccess,
  ...zhAlerts,
};
