/**
 * The form's first paint without Preact: the element writes prebuilt markup (shells.tsx) into
 * its shadow root in the task that upgrades it, and Preact hydrates it a task later (view.ts).
 * Until then the visitor can already type; the element holds a submit until Preact has taken over.
 */
import type { Locale, Profile } from '@shared/schema/codes';
import { DEFAULT_CATEGORIES } from './schema-constants';
import { CURRENCY, SHELLS } from './shells';

/**
 * The form's markup for these attributes, or undefined when there is none (a page's own
 * `categories` list, or the IIFE build, which carries no markup): Preact renders it then.
 */
export function firstPaint(
  locale: Locale,
  profile: Profile | undefined,
  categories: readonly string[],
  currency: string,
): string | undefined {
  const shell = SHELLS[locale];
  if (!shell || categories.join() !== DEFAULT_CATEGORIES.join()) return undefined;
  const [at, fields] = (profile && shell.profiles[profile]) || [0, ''];
  const html = shell.form.slice(0, at) + fields + shell.form.slice(at);
  // `currency` is checked to be three capital letters (element.ts): nothing to escape.
  return html.split(CURRENCY).join(currency);
}
