/**
 * The custom POLICY_FILE of the agreement tests (docs/rules.md R-POLICY-3): a 3-working-day
 * close, Wednesday 18 November 2026 as the company's own holiday, L4 from 5,000, and the
 * organisation's own categories (one named in both languages, one only by its code).
 */
import { chinaCalendar } from '../../shared/sla/calendar-data';

export const CUSTOM_POLICY = {
  calendar: { holidays: [...chinaCalendar.holidays, '2026-11-18'] },
  clocks: { close: { default: { amount: 3, unit: 'workingDays' } } },
  severity: { specialMajorAmount: 5_000 },
  categories: [
    { code: 'noise', department: 'property', labels: { en: 'Noise', 'zh-CN': '噪音' } },
    { code: 'parking', department: 'property' },
    { code: 'other', department: 'customer_service' },
  ],
};
