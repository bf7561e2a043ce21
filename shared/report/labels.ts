import { tKey } from '../i18n/index';
import type { PolicyBase } from '../policy/policy';
import type { Locale } from '../schema/codes';
import { UNASSIGNED, UNCATEGORIZED, UNRECORDED } from './placeholders';

/** Kinds of code the report and the queue name. */
export type CodeKind =
  | 'category'
  | 'department'
  | 'channel'
  | 'severity'
  | 'status'
  | 'responsibility'
  | 'clock'
  | 'callback'
  | 'resolution'
  | 'role'
  | 'cause';

const PLACEHOLDERS: Record<string, string> = {
  [UNCATEGORIZED]: 'report.uncategorized',
  [UNASSIGNED]: 'report.unassigned',
  [UNRECORDED]: 'report.unrecorded',
};

/**
 * A code's name for people: the organisation's own label (policy) when it has one, else the
 * catalogue's `<kind>.<code>`, else the code itself.
 */
export function labelOf(
  kind: CodeKind,
  code: string,
  locale: Locale,
  policy?: Pick<PolicyBase, 'categories' | 'departments'> & Partial<Pick<PolicyBase, 'rootCauses'>>,
): string {
  const placeholder = PLACEHOLDERS[code];
  if (placeholder) return tKey(locale, placeholder);
  if (policy && (kind === 'category' || kind === 'department' || kind === 'cause')) {
    const list: { code: string; labels?: { en: string; 'zh-CN': string } }[] =
      kind === 'category'
        ? policy.categories
        : kind === 'department'
          ? policy.departments
          : (policy.rootCauses ?? []);
    const own = list.find((x) => x.code === code)?.labels?.[locale];
    if (own) return own;
  }
  return tKey(locale, `${kind}.${code}`);
}
