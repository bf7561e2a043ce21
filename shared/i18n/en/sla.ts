/** Messages of shared/sla. Source catalogue. */

/** A duration split for display; zero or missing parts are left out, nothing at all reads as minutes. */
export interface DurationParts {
  days?: number;
  hours?: number;
  minutes?: number;
}

export const sla = {
  'sla.state.running': 'On track',
  'sla.state.at_risk': 'At risk',
  'sla.state.breached': 'Overdue',
  'sla.state.met': 'Met',
  'sla.state.missed': 'Missed',
  'sla.calendarUnknown':
    'Public holidays for this period are not in the business calendar yet: the deadline skips weekly rest days only.',
  'sla.effect.alertOnCall': 'On-call leader alerted',
  'sla.duration': ({ days = 0, hours = 0, minutes = 0 }: DurationParts) =>
    [days && `${days} d`, hours && `${hours} h`, (minutes || !(days || hours)) && `${minutes} min`]
      .filter(Boolean)
      .join(' '),
  'sla.dueIn': ({ duration = '' }: { duration?: string }) => `Due in ${duration}`.trim(),
  'sla.overdueBy': ({ duration = '' }: { duration?: string }) => `Overdue by ${duration}`.trim(),
} as const;
