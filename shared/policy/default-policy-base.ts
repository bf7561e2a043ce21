import type { ActorRole, EventType } from '../schema/codes';
import { chinaCalendar } from '../sla/calendar-data';
import type { PolicyBase } from './policy';

const ALL_STAFF: ActorRole[] = ['agent', 'handler', 'supervisor', 'manager'];
const FRONT: ActorRole[] = ['agent', 'supervisor', 'manager'];
const LEADS: ActorRole[] = ['supervisor', 'manager'];

const permissions: Record<EventType, ActorRole[]> = {
  captured: [...ALL_STAFF, 'system'],
  draftUpdated: ALL_STAFF,
  registered: [...FRONT, 'system'],
  caseNumberAssigned: [...ALL_STAFF, 'system'],
  classified: FRONT,
  assigned: FRONT,
  contacted: ALL_STAFF,
  noteAdded: ALL_STAFF,
  severityOverridden: LEADS,
  resolutionProposed: ALL_STAFF,
  approved: LEADS,
  approvalRejected: LEADS,
  replied: ALL_STAFF,
  callbackRecorded: ALL_STAFF,
  reopened: FRONT,
  escalated: [...ALL_STAFF, 'system'],
  markedInvalid: ['handler', ...LEADS],
  invalidConfirmed: LEADS,
  withdrawn: ALL_STAFF,
  transferred: FRONT,
  deadlineExtended: ALL_STAFF,
  closed: ALL_STAFF,
  personalDataErased: ['admin', 'system'],
  visitBooked: ALL_STAFF,
  visitMade: ALL_STAFF,
};

const min = (amount: number) => ({ amount, unit: 'clockMinutes' as const });

/**
 * Every default of docs/rules.md as data, except the sentence-reading severity rules
 * (`default-policy.ts` adds them): importing these does not load the text rules.
 */
export const defaultPolicyBase: PolicyBase = {
  currency: 'CNY',
  caseNumberFormat: 'YYMM-NNNN',
  calendar: chinaCalendar,
  categories: [
    { code: 'product_quality', department: 'quality' },
    { code: 'service_attitude', department: 'customer_service' },
    { code: 'delivery', department: 'logistics' },
    { code: 'billing', department: 'finance' },
    { code: 'after_sales', department: 'after_sales' },
    { code: 'contract', department: 'sales' },
    { code: 'property', department: 'property' },
    { code: 'safety', department: 'safety' },
    { code: 'other', department: 'customer_service' },
  ],
  departments: [
    { code: 'customer_service' },
    { code: 'quality' },
    { code: 'logistics' },
    { code: 'finance' },
    { code: 'after_sales' },
    { code: 'sales' },
    { code: 'property' },
    { code: 'safety' },
  ],
  rootCauses: [
    { code: 'design' },
    { code: 'material' },
    { code: 'manufacturing' },
    { code: 'inspection' },
    { code: 'transport' },
    { code: 'installation' },
    { code: 'service_process' },
    { code: 'staff_conduct' },
    { code: 'communication' },
    { code: 'supplier' },
    { code: 'other' },
  ],
  closeClockFrom: 'registration',
  severity: {
    // Plain keywords matched substrings (法院路, 媒体播放器); the defaults now read the sentence.
    keywords: [],
    importantChannels: ['letter', 'referral'],
    importantCategories: ['service_attitude'],
    majorAmount: 10_000,
    specialMajorAmount: 10_000,
    majorHeadcount: 5,
    specialMajorHeadcount: 10,
    claimOverOfferRatio: 2,
    agingSpecialMajorMonths: 2,
    // ── Read from text (shared/severity/text): `text` is in default-policy.ts ──
    readNumbers: true,
    minHeadcountConfidence: 0.8,
    // Rounded down, so a foreign amount is never read as more than it is (CNY per unit).
    foreignAmountRates: { USD: 7, EUR: 7.5, GBP: 9, HKD: 0.9, JPY: 0.045, SGD: 5, INR: 0.08 },
  },
  approvalLimits: { agent: 5_000, handler: 5_000, supervisor: 50_000, manager: null, admin: 0 },
  // "5万元及以上" is the review board's: a supervisor approves below 50,000 (thresholds inclusive).
  approvalBelow: ['supervisor'],
  escalationTiers: ['agent', 'supervisor', 'manager'],
  escalateOnSeverity: { L3: 1, L4: 2 },
  autoEscalation: {
    // Progress (daily) and callback breaches are alerts, not a reason to go over a head.
    onBreach: ['forward', 'firstContact', 'reply', 'close'],
    // "处理未完毕的，首次报告后24小时内报客服主管".
    unfinished: { after: { amount: 24, unit: 'clockHours' }, to: 'supervisor' },
    // "预约上门连续两天未到的，报总经理".
    missedVisits: { days: 2, to: 'manager' },
  },
  permissions,
  clocks: {
    forward: {
      default: { amount: 30, unit: 'workingMinutes' },
      outOfHours: { amount: 60, unit: 'workingMinutes' },
      urgent: min(30),
      bySeverity: { L3: min(30), L4: min(30) },
    },
    firstContact: {
      default: { amount: 2, unit: 'workingHours' },
      bySeverity: { L3: { amount: 2, unit: 'clockHours' }, L4: min(10) },
    },
    reply: { default: { amount: 24, unit: 'clockHours' } },
    progress: {
      default: { amount: 0, unit: 'dailyAt', at: '17:00' },
      bySeverity: { L3: min(30), L4: min(30) },
    },
    close: { default: { amount: 5, unit: 'workingDays' } },
    callback: { default: { amount: 3, unit: 'workingDays' } },
  },
  regulatoryProfile: 'none',
  regulatory: {
    none: {},
    // UK FCA DISP: a reply by close of the 3rd business day is a summary resolution; otherwise
    // a final response within 8 weeks.
    fca: {
      reply: { amount: 3, unit: 'workingDaysEndOfDay' },
      close: { amount: 56, unit: 'calendarDays' },
    },
    // US CFPB: response within 15 calendar days, final response within 60.
    cfpb: {
      reply: { amount: 15, unit: 'calendarDays' },
      close: { amount: 60, unit: 'calendarDays' },
    },
  },
  caseAccess: {
    anyCase: [...LEADS, 'system'],
    leadOnly: [
      'withdrawn',
      'transferred',
      'invalidConfirmed',
      'severityOverridden',
      'approved',
      'approvalRejected',
    ],
  },
  offlineAllowanceHours: 72,
  warnAtRatio: 0.75,
  agingAlertDays: 3,
  secondComplaintWindowDays: 30,
  unreachableAfterWorkingDays: 2,
  reportDueDay: 10,
  retentionYearsAfterWarranty: 1,
  // PIPL art. 19: no longer than necessary. Three years after a case ends covers the callback,
  // the monthly and yearly reports and most warranty periods; organisations set their own.
  personalDataRetentionDays: 1095,
};
