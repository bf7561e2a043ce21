// Relative imports, not `@shared`: wxt.config.ts imports TEXT_RULES_FILE from here, before aliases exist.
import { defaultPolicyBase } from '../../shared/policy/default-policy-base';
import type { Policy } from '../../shared/policy/policy';
import type { TextRules } from '../../shared/severity/text/types';

/**
 * The extension's `shared/policy/default-policy.ts` (swapped in by a plugin in wxt.config.ts):
 * the same defaults, but the default text rules (~32 KB gzip, docs/severity.md › Cost) are not
 * bundled. The build writes them once as `severity-text-rules.json` (from
 * shared/severity/text/default-text-rules.ts), and `loadDefaultTextRules` fetches that file the
 * first time severity is assessed. A fetch and not `import()`: Chrome's service worker may not
 * import dynamically, and the background needs them only to fold a log, never to start.
 *
 * Reading `defaultPolicy.severity.text` before they arrived throws: a level assessed without its
 * text rules would be wrong without anyone seeing it, so every path that folds a log awaits
 * `loadDefaultTextRules()` first (db/log.ts, sync/apply.ts, registration preview…).
 */
export const TEXT_RULES_FILE = 'severity-text-rules.json';

let rules: TextRules | undefined;
let loading: Promise<void> | undefined;

export const defaultPolicy: Policy = {
  ...defaultPolicyBase,
  severity: {
    ...defaultPolicyBase.severity,
    get text(): TextRules {
      if (!rules)
        throw new Error(
          'The default text rules are not loaded: await loadDefaultTextRules() first.',
        );
      return rules;
    },
  },
};

/** Whether `defaultPolicy.severity.text` can be read now. */
export function defaultTextRulesLoaded(): boolean {
  return rules !== undefined;
}

/** Where the rules file is: beside the page or worker script, at the extension's root. */
function rulesUrl(): string {
  return new URL(`/${TEXT_RULES_FILE}`, globalThis.location.href).href;
}

/**
 * Fetches the default text rules once per page or worker (later calls share the first). A
 * failed fetch (it cannot, short of a broken build) rejects and is tried again next time.
 */
export function loadDefaultTextRules(
  fetchRules: () => Promise<TextRules> = async () => {
    const res = await fetch(rulesUrl());
    if (!res.ok) throw new Error(`${TEXT_RULES_FILE}: ${res.status}`);
    return (await res.json()) as TextRules;
  },
): Promise<void> {
  if (rules) return Promise.resolve();
  loading ??= fetchRules().then(
    (r) => {
      rules = r;
    },
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}
