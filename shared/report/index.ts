export { BOM, type Cell, csvCell, toCsv } from './csv';
export { type CodeKind, labelOf } from './labels';
export { type Month, addMonths, isMonth, monthOf, monthRange, reportDueDate } from './month';
export {
  HANDLING_TARGET,
  type MonthFigures,
  type MonthlyReport,
  SATISFACTION_TARGET,
  type SlaFigures,
  type TrendDelta,
  UNASSIGNED,
  UNCATEGORIZED,
  UNRECORDED,
  causeKey,
  monthlyReport,
  percentile,
  reopenTimes,
} from './monthly-report';
export { type ParetoRow, VITAL_FEW, pareto } from './pareto';
export { formatPercent, percentPoints, reportToCsv, reportToJson, roundHours } from './report-csv';
