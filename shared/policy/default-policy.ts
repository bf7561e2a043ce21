import { defaultTextRules } from '../severity/text/default-text-rules';
import { defaultPolicyBase } from './default-policy-base';
import type { Policy } from './policy';

/** Every default of docs/rules.md, as data: the base defaults and the default text rules. */
export const defaultPolicy: Policy = {
  ...defaultPolicyBase,
  severity: { ...defaultPolicyBase.severity, text: defaultTextRules },
};

/**
 * Resolves once `defaultPolicy.severity.text` can be read. Here the rules are bundled, so at
 * once; the extension's build swaps this module for `extension/policy/default-policy-on-demand.ts`,
 * which fetches them the first time a page or the background assesses text.
 */
export async function loadDefaultTextRules(): Promise<void> {}

/** Whether `defaultPolicy.severity.text` can be read now (here always). */
export function defaultTextRulesLoaded(): boolean {
  return true;
}
