import { defaultTextRules } from '../severity/text/default-text-rules';
import { defaultPolicyBase } from './default-policy-base';
import type { Policy } from './policy';

/** Every default of docs/rules.md, as data: the base defaults and the default text rules. */
export const defaultPolicy: Policy = {
  ...defaultPolicyBase,
  severity: { ...defaultPolicyBase.severity, text: defaultTextRules },
};
