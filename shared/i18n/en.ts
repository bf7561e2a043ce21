import { common as enCommon } from './en/common';
import { extension as enExtension } from './en/extension';
import { form as enForm } from './en/form';
import { review as enReview } from './en/review';
import { severity as enSeverity } from './en/severity';
import { sla as enSla } from './en/sla';
import { validation as enValidation } from './en/validation';
import { widget as enWidget } from './en/widget';
import { workflow as enWorkflow } from './en/workflow';
import { workspace as enWorkspace } from './en/workspace';

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
  ...enWorkspace,
};
export type Messages = typeof en;
export type MessageKey = keyof Messages & string;
