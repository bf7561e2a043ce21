import { defaultPolicyBase } from '@shared/policy/default-policy-base';
import type { Policy, PolicyBase } from '@shared/policy/policy';
import { browser } from 'wxt/browser';
import { POLICY_KEY } from '../settings/keys';

/**
 * The organisation's policy as this device last received it, and the accessor the queue reads
 * (`activePolicyBase`). Kept apart from active-policy.ts so the popup's first render does not
 * load the default sentence-reading severity rules: the queue never assesses severity, and a
 * stored server policy brings its own rules as data.
 */

/** The organisation's rules as this device last received them from the team server. */
export interface StoredPolicy {
  version: string;
  policy: Policy;
  fetchedAt: string;
}

/** Which rules are in force, without loading them: the server's (by version) or the defaults. */
export type PolicySource = { source: 'server'; version: string } | { source: 'default' };

export { POLICY_KEY };

let server: { policy: Policy; version: string } | undefined;

/** The server's policy in force, if any (else the defaults apply). */
export function serverPolicy(): { policy: Policy; version: string } | undefined {
  return server;
}

/** Sets the server's policy in force (`refreshPolicy`), or forgets it. */
export function setServerPolicy(next: { policy: Policy; version: string } | undefined): void {
  server = next;
}

/** The rules in force without the default text rules: enough for the queue and deadlines. */
export function activePolicyBase(): PolicyBase {
  return server?.policy ?? defaultPolicyBase;
}

export function policySource(): PolicySource {
  return server ? { source: 'server', version: server.version } : { source: 'default' };
}

/**
 * A stored document. It was checked against the policy schema when it arrived (`refreshPolicy`),
 * so pages read it without loading zod into their first render; a document of another shape
 * (storage edited by hand, an older build) is ignored, never half-applied.
 */
function fromStored(stored: unknown): { policy: Policy; version: string } | undefined {
  const s = stored as Partial<StoredPolicy> | undefined;
  const p = s?.policy as Partial<Policy> | undefined;
  if (typeof s?.version !== 'string' || !p?.calendar || !p.severity || !p.categories)
    return undefined;
  return { policy: p as Policy, version: s.version };
}

/**
 * Reads the last policy received (offline use) into the accessors. `read`: a storage read
 * already under way that includes it (the popup's popup-start.js).
 */
export async function loadStoredPolicy(
  read: Promise<Record<string, unknown>> = browser.storage.local.get(POLICY_KEY),
): Promise<PolicySource> {
  server = fromStored((await read)[POLICY_KEY]);
  return policySource();
}

/** Keeps the accessors current when the background stores a newer policy; returns the unsubscribe. */
export function watchStoredPolicy(onChange?: (p: PolicySource) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(POLICY_KEY in changes)) return;
    server = fromStored(changes[POLICY_KEY]?.newValue);
    onChange?.(policySource());
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
