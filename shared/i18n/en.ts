import { access as enAccess } from './en/access';
import { workspace as enWorkspace } from './en/workspace';
import { notify as enNotify } from './en/notify';
import { rules as enRules } from './en/rules';
import { capture as enCapture } from './en/capture';
import { common as enCommon } from './en/common';
import { extension as enExtension } from './en/extension';
import { form as enForm } from './en/form';
import { review as enReview } from './en/review';
import { severity as enSeverity } from './en/severity';
import { sla as enSla } from './en/sla';
import { validation as enValidation } from './en/validation';
import { widget as enWidget } from './en/widget';
import { workflow as enWorkflow } from './en/workflow';

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
  ...enAccess,
};
export type Messages = typeof en;
export type MessageKey = keyof Messages & string;
