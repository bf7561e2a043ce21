import { t } from '../i18n/index';
import type { Locale } from '../schema/codes';
import type { CaseNumberIssuer } from '../schema/event';

/** A device's own number as shown: prefixed, so no server number ever has its shape. */
export const provisionalNumber = (caseNumber: string) => `L-${caseNumber}`;

/**
 * A case number as people see it. A number the device made offline is provisional until the
 * server issues the real one: it is shown marked ("Provisional · L-2611-0003") so it can never
 * be taken for, or collide on screen with, a server number ("2611-0003").
 */
export function caseNumberLabel(
  locale: Locale,
  caseNumber: string,
  issuer: CaseNumberIssuer | undefined,
): string {
  return issuer === 'local'
    ? t(locale, 'caseNumber.provisional', { number: provisionalNumber(caseNumber) })
    : caseNumber;
}
