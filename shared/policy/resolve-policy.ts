import { defaultPolicy } from './default-policy';
import { type Policy, PolicySchema } from './policy';

type Json = unknown;

function isPlainObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Objects merge key by key; arrays and scalars replace (a keyword list is replaced whole). */
function merge(base: Json, over: Json): Json {
  if (over === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const out: Record<string, Json> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
    out[k] = merge(base[k], v);
  }
  return out;
}

export type PolicyResult =
  | { ok: true; policy: Policy }
  | { ok: false; issues: { path: string; message: string }[] };

/**
 * An organisation's policy from JSON: a partial document merged over `defaultPolicy`, then
 * validated whole, so a bad override is reported with its path instead of half-applied.
 */
export function resolvePolicy(overrides: Json, base: Policy = defaultPolicy): PolicyResult {
  const parsed = PolicySchema.safeParse(merge(base, overrides));
  if (parsed.success) return { ok: true, policy: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  };
}
