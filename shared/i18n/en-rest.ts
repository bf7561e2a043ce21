import { alerts } from './en/alerts';
import { capture } from './en/capture';
import { extensionPages } from './en/extension-pages';
import { form } from './en/form';
import { notify } from './en/notify';
import { severity } from './en/severity';
import { validation } from './en/validation';
import { widget } from './en/widget';
import { workflow } from './en/workflow';

/**
 * The English areas the queue does not show: forms, capture, refusals, severity reasons, the
 * extension's other pages, the alerts (the background's).
 */
export const enRest = {
  ...validation,
  ...workflow,
  ...severity,
  ...form,
  ...widget,
  ...capture,
  ...notify,
  ...extensionPages,
  ...alerts,
};
