/** 32-bit FNV-1a of `s` from `seed`, then murmur3's finaliser to spread the bits. */
function hash32(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A UUID (version 8, "custom") that is a pure function of `name`: devices that derive the same
 * event independently (the server's escalation job, an offline extension) give it the same id,
 * so the event log's idempotency by id reconciles them. Not a secret and not collision-proof
 * against an adversary; names are `complaintId/kind/key`.
 */
export function stableUuid(name: string): string {
  const hex = [0x9e3779b9, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f]
    .map((seed) => hash32(name, seed).toString(16).padStart(8, '0'))
    .join('');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
