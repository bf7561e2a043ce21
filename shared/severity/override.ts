import type { SeverityLevel } from '../schema/codes';

/** A supervisor's override, as recorded by the workflow's `severityOverridden` event. */
export interface SeverityOverride {
  level: SeverityLevel;
  reason?: string;
}

/**
 * The level a case is handled at: the supervisor's override when there is one, else the
 * assessed level. Overrides live in workflow events and are never changed by assessment, so
 * re-assessing after new facts cannot silently undo a supervisor's decision.
 */
export function effectiveLevel(
  assessed: { level: SeverityLevel },
  override?: SeverityOverride | null,
): SeverityLevel {
  return override ? override.level : assessed.level;
}
