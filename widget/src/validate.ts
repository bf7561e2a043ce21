import { validation as enValidation } from '@shared/i18n/en/validation';
import { validation as zhValidation } from '@shared/i18n/zh-CN/validation';
import { type SchemaIssue, issueKey } from '@shared/schema/issues';
import { type ComplaintSubmission, ComplaintSubmissionSchema } from '@shared/schema/submission';
import { config } from 'zod/mini';
import { addMessages } from './i18n';
import { type Draft, type DraftContext, fieldOf, toSubmissionInput } from './payload';

// The schema chunk: zod, the shared submission schema and its messages stay out of the first load.

// No `new Function` probe: pages with a strict CSP would log a violation for it.
config({ jitless: true });
addMessages({ en: enValidation, 'zh-CN': zhValidation });

export { fieldOf } from './payload';
export { uuid } from './uuid';

/** One problem, on the form field a visitor would fix, as a message key. */
export interface FieldIssue {
  field: string;
  key: string;
  params: Record<string, number | string>;
}

export type Validation =
  | { ok: true; data: ComplaintSubmission }
  | { ok: false; issues: FieldIssue[] };

/** Runs the shared `ComplaintSubmissionSchema` over what the visitor typed. */
export function checkDraft(draft: Draft, ctx: DraftContext): Validation {
  // reportInput: tells "required" (no input) from "wrong type" (shared issueKey).
  const r = ComplaintSubmissionSchema.safeParse(toSubmissionInput(draft, ctx), {
    reportInput: true,
  });
  if (r.success) return { ok: true, data: r.data };
  return { ok: false, issues: r.error.issues.map((i) => toFieldIssue(i as SchemaIssue)) };
}

function toFieldIssue(issue: SchemaIssue): FieldIssue {
  const field = fieldOf(issue.path);
  // A number box holding text: zod says "wrong type", a person needs "enter a number".
  if (issue.code === 'invalid_type' && typeof issue.input === 'string') {
    return { field, key: 'form.number', params: {} };
  }
  // An empty box is "required", whatever its minimum length.
  if (issue.code === 'too_small' && issue.input === '')
    return { field, key: 'validation.required', params: {} };
  return { field, ...issueKey(issue) };
}
