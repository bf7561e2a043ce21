/** Messages of the alerts (shared/alerts: the badge and the notifications). Source catalogue. */

type Count = { count: number };
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

// An area of their own: the extension's background holds these (and the common area) only,
// not the whole catalogue (shared/i18n/alerts.ts).
export const alerts = {
  /** A notification's case label before registration (as the queue says it). */
  'alert.unregistered': 'not registered',
  'alert.badge.breached': ({ count }: Count) =>
    `${count} ${plural(count, 'complaint is', 'complaints are')} overdue`,
  'alert.badge.atRisk': ({ count }: Count) =>
    `${count} ${plural(count, 'complaint is', 'complaints are')} at risk of missing a deadline`,
  'alert.badge.clear': 'No complaint is at risk',
  'alert.severe.title': ({ level }: { level: string }) => `New ${level} complaint`,
  'alert.warn.title': ({ clock }: { clock: string }) => `${clock} deadline at risk`,
  'alert.breach.title': ({ clock }: { clock: string }) => `${clock} deadline missed`,
  'alert.onCall.title': 'Urgent complaint out of hours',
  'alert.body': ({ caseLabel, subject }: { caseLabel: string; subject: string }) =>
    `${caseLabel}: ${subject}`,
  'alert.onCall.body': ({
    contact,
    caseLabel,
    subject,
  }: {
    contact: string;
    caseLabel: string;
    subject: string;
  }) =>
    contact
      ? `Call the on-call leader ${contact} now. ${caseLabel}: ${subject}`
      : `Alert the on-call leader now. ${caseLabel}: ${subject}`,
} as const;
