import { common as zhCommon } from './zh-CN/common';
import { extension as zhExtension } from './zh-CN/extension';
import { form as zhForm } from './zh-CN/form';
import { review as zhReview } from './zh-CN/review';
import { severity as zhSeverity } from './zh-CN/severity';
import { sla as zhSla } from './zh-CN/sla';
import { validation as zhValidation } from './zh-CN/validation';
import { widget as zhWidget } from './zh-CN/widget';
import { workflow as zhWorkflow } from './zh-CN/workflow';
import { workspace as zhWorkspace } from './zh-CN/workspace';
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
  ...zhReview,
  ...zhWorkspace,
};
