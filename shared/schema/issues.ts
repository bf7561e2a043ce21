import type { Locale } from './codes';

/** The shape of a zod issue this module reads (zod and zod/mini issues both fit). */
export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  expected?: string;
}

/** A validation error as the API returns it and the forms show it. */
export interface FieldError {
  /** Dotted path, e.g. `complainant.email`. */
  path: string;
  /** Message key, e.g. `validation.email`. */
  code: string;
  message: string;
}

export type IssueKey = { key: string; params: Record<string, number | string> };

/**
 * Maps a schema issue to a message key. Schemas set keys as their messages (`validation.*`);
 * zod's own messages (types, enums) are mapped by issue code so no English leaks into zh-CN.
 */
export function issueKey(issue: SchemaIssue, root?: unknown): IssueKey {
  const params: Record<string, number | string> = {};
  if (issue.minimum !== undefined) params.min = Number(issue.minimum);
  if (issue.maximum !== undefined) params.max = Number(issue.maximum);
  if (issue.message.startsWith('validation.')) return { key: issue.message, params };
  switch (issue.code) {
    case 'invalid_type': {
      // zod reports the offending value only with `reportInput`; otherwise look it up by path.
      const value = 'input' in issue ? issue.input : valueAt(root, issue.path);
      return {
        key: value === undefined ? 'validation.required' : 'validation.invalidType',
        params,
      };
    }
    case 'too_small':
      return { key: issue.origin === 'string' ? 'validation.tooShort' : 'validation.min', params };
    case 'too_big':
      return { key: issue.origin === 'string' ? 'validation.tooLong' : 'validation.max', params };
    case 'invalid_value':
    case 'invalid_union':
      return { key: 'validation.choice', params };
    case 'unrecognized_keys':
      return { key: 'validation.unknownField', params };
    default:
      return { key: 'validation.invalid', params };
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/**
 * Zod issues → localized field errors, with a translator passed in (keeps i18n optional).
 * Pass the parsed `input` so a wrong-typed value is not reported as missing.
 */
export function toFieldErrors(
  issues: readonly SchemaIssue[],
  locale: Locale,
  translate: (locale: Locale, key: string, params: Record<string, number | string>) => string,
  input?: unknown,
): FieldError[] {
  return issues.map((issue) => {
    const { key, params } = issueKey(issue, input);
    return {
      path: issue.path.map(String).join('.'),
      code: key,
      message: translate(locale, key, params),
    };
  });
}
