/** JSON with object keys sorted, so equal policies give equal text whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** 32-bit FNV-1a from `seed`. */
function fnv(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A policy's version: 16 hex digits of a hash of its canonical JSON. The server sends it as the
 * ETag of `GET /api/v1/policy`; the extension shows it, so people can tell which rules are in
 * force (docs/rules.md R-POLICY-1). Not a security hash.
 */
export function policyVersion(policy: unknown): string {
  const text = canonical(policy);
  return [0x9e3779b9, 0x85ebca6b]
    .map((seed) => fnv(text, seed).toString(16).padStart(8, '0'))
    .join('');
}
