export {
  DEFAULT_CASE_NUMBER_FORMAT,
  caseNumberPeriod,
  formatCaseNumber,
  parseCaseNumber,
} from './case-number';
