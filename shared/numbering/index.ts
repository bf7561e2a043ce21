export {
  DEFAULT_CASE_NUMBER_FORMAT,
  caseNumberPeriod,
  checkCaseNumberFormat,
  formatCaseNumber,
  parseCaseNumber,
} from './case-number';
