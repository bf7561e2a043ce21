/**
 * Severity (docs/rules.md §3): `assessSeverity` gives a level with every reason that fired. A
 * supervisor's override is never an input — it lives in the workflow's events and wins
 * through `effectiveLevel`.
 */
export {
  SEVERITY_RULES,
  type SeverityAssessment,
  type SeverityInput,
  type SeverityPolicy,
  type SeverityReason,
  type SeverityRule,
  assessSeverity,
} from './assess-severity';
export { type KeywordHit, matchKeywords } from './keyword-matcher';
export { compareLevels, maxLevel, severityAtLeast } from './levels';
export { type SeverityOverride, effectiveLevel } from './override';
export {
  type ContactKeys,
  isSecondComplaint,
  normalizeEmail,
  normalizePhone,
} from './second-complaint';
