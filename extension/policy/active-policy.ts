import { defaultPolicy } from '@shared/policy/default-policy';
import type { Policy } from '@shared/policy/policy';
import { policyVersion } from '@shared/policy/policy-version';
import { browser } from 'wxt/browser';

/** The organisation's rules as this device last received them from the team server. */
export interface StoredPolicy {
  version: string;
  policy: Policy;
  fetchedAt: string;
}

/** Which rules are in force: the server's (by version) or the built-in defaults. */
export interface ActivePolicy {
  policy: Policy;
  version: string;
  source: 'server' | 'default';
}

export const POLICY_KEY = 'orgPolicy';

const DEFAULT: ActivePolicy = {
  policy: defaultPolicy,
  version: policyVersion(defaultPolicy),
  source: 'default',
};
let active: ActivePolicy = DEFAULT;

/**
 * The one accessor for the rules every part of the extension applies (severity, deadlines,
 * approval limits, categories, departments, calendar): the server's policy once loaded, else the
 * defaults (docs/rules.md R-POLICY-2). Pages call `loadActivePolicy()` before their first render.
 */
export function activePolicy(): Policy {
  return active.policy;
}

export function activePolicyInfo(): ActivePolicy {
  return active;
}

/**
 * A stored document. It was checked against the policy schema when it arrived (`refreshPolicy`),
 * so pages read it without loading zod into their first render; a document of another shape
 * (storage edited by hand, an older build) is ignored, never half-applied.
 */
function fromStored(stored: unknown): ActivePolicy {
  const s = stored as Partial<StoredPolicy> | undefined;
  const p = s?.policy as Partial<Policy> | undefined;
  if (typeof s?.version !== 'string' || !p?.calendar || !p.severity || !p.categories)
    return DEFAULT;
  return { policy: p as Policy, version: s.version, source: 'server' };
}

/** The server's answer, checked against the schema (zod loaded only here, in the background). */
async function fromServer(body: unknown): Promise<ActivePolicy> {
  const b = body as Partial<StoredPolicy> | undefined;
  const { PolicySchema } = await import('@shared/policy/policy');
  const parsed = PolicySchema.safeParse(b?.policy);
  if (!parsed.success || typeof b?.version !== 'string') return DEFAULT;
  return { policy: parsed.data, version: b.version, source: 'server' };
}

/**
 * Who the on-call alert names: the contact of the team's policy (its name reaches every staff
 * token; the address stays with admins), else the one set in this browser's options.
 */
export function onCallContact(local?: string): string {
  return active.policy.notifications?.onCall?.name || local || '';
}

/** Reads the last policy received (offline use) into the accessor. */
export async function loadActivePolicy(): Promise<ActivePolicy> {
  active = fromStored((await browser.storage.local.get(POLICY_KEY))[POLICY_KEY]);
  return active;
}

/** Keeps the accessor current when the background stores a newer policy; returns the unsubscribe. */
export function watchActivePolicy(onChange?: (p: ActivePolicy) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(POLICY_KEY in changes)) return;
    active = fromStored(changes[POLICY_KEY]?.newValue);
    onChange?.(active);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Forgets the server's policy (local mode): the defaults apply again. */
export async function clearStoredPolicy(): Promise<void> {
  await browser.storage.local.remove(POLICY_KEY);
  active = DEFAULT;
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * Asks the team server for its policy (`GET /api/v1/policy`, If-None-Match the version held):
 * 304 keeps the stored one, 200 stores the new one. A failure keeps the last policy: offline,
 * the rules last received still apply.
 */
export async function refreshPolicy(
  config: { serverUrl: string; token: string },
  fetch: Fetch,
  now: () => Date = () => new Date(),
): Promise<'updated' | 'unchanged' | 'failed'> {
  const held = await loadActivePolicy();
  const headers: Record<string, string> = { authorization: `Bearer ${config.token}` };
  if (held.source === 'server') headers['if-none-match'] = `"${held.version}"`;
  let res: Response;
  try {
    res = await fetch(`${config.serverUrl}/api/v1/policy`, { headers });
  } catch {
    return 'failed';
  }
  if (res.status === 304) return 'unchanged';
  if (!res.ok) return 'failed';
  const body = (await res.json().catch(() => undefined)) as Partial<StoredPolicy> | undefined;
  const next = await fromServer(body);
  if (next.source !== 'server') return 'failed';
  const stored: StoredPolicy = {
    version: next.version,
    policy: next.policy,
    fetchedAt: now().toISOString(),
  };
  await browser.storage.local.set({ [POLICY_KEY]: stored });
  active = next;
  return 'updated';
}
