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
