import { defaultPolicy, loadDefaultTextRules } from '@shared/policy/default-policy';
import type { Policy } from '@shared/policy/policy';
import { policyVersion } from '@shared/policy/policy-version';
import { browser } from 'wxt/browser';
import {
  POLICY_KEY,
  type StoredPolicy,
  loadStoredPolicy,
  serverPolicy,
  setServerPolicy,
  watchStoredPolicy,
} from './stored-policy';

export { POLICY_KEY, type StoredPolicy } from './stored-policy';

/** Which rules are in force: the server's (by version) or the built-in defaults. */
export interface ActivePolicy {
  policy: Policy;
  version: string;
  source: 'server' | 'default';
}

let defaultVersion: string | undefined;
const defaults: ActivePolicy = {
  policy: defaultPolicy,
  // Hashed when asked (nobody asks yet): the hash reads the default text rules, fetched later.
  get version() {
    defaultVersion ??= policyVersion(defaultPolicy);
    return defaultVersion;
  },
  source: 'default',
};
function defaultInfo(): ActivePolicy {
  return defaults;
}

/**
 * Resolves once the policy in force can assess severity: the default text rules are fetched the
 * first time (the extension's build leaves them out of every first load, see
 * default-policy-on-demand.ts; in unit tests they are bundled and this resolves at once). Await
 * it before anything folds a log or assesses; before a Dexie transaction, not inside one (a
 * fetch there would let IndexedDB commit the transaction).
 */
export function textRulesReady(): Promise<void> {
  return loadDefaultTextRules();
}

/**
 * The one accessor for the rules every part of the extension applies (severity, deadlines,
 * approval limits, categories, departments, calendar): the server's policy once loaded, else the
 * defaults (docs/rules.md R-POLICY-2). Pages call `pageSettings()` (which reads the stored
 * policy) before their first render. The queue reads `activePolicyBase` (stored-policy.ts)
 * instead, so the popup does not load the default text rules.
 */
export function activePolicy(): Policy {
  return serverPolicy()?.policy ?? defaultPolicy;
}

export function activePolicyInfo(): ActivePolicy {
  const server = serverPolicy();
  return server ? { ...server, source: 'server' } : defaultInfo();
}

/** The server's answer, checked against the schema (zod loaded only here, in the background). */
async function fromServer(body: unknown): Promise<ActivePolicy> {
  const b = body as Partial<StoredPolicy> | undefined;
  const { PolicySchema } = await import('@shared/policy/policy');
  const parsed = PolicySchema.safeParse(b?.policy);
  if (!parsed.success || typeof b?.version !== 'string') return defaultInfo();
  return { policy: parsed.data, version: b.version, source: 'server' };
}

/**
 * Who the on-call alert names: the contact of the team's policy (its name reaches every staff
 * token; the address stays with admins), else the one set in this browser's options.
 */
export function onCallContact(local?: string): string {
  return serverPolicy()?.policy.notifications?.onCall?.name || local || '';
}

/** Reads the last policy received (offline use) into the accessor. */
export async function loadActivePolicy(): Promise<ActivePolicy> {
  await loadStoredPolicy();
  return activePolicyInfo();
}

/** Keeps the accessor current when the background stores a newer policy; returns the unsubscribe. */
export function watchActivePolicy(onChange?: (p: ActivePolicy) => void): () => void {
  return watchStoredPolicy(() => onChange?.(activePolicyInfo()));
}

/** Forgets the server's policy (local mode): the defaults apply again. */
export async function clearStoredPolicy(): Promise<void> {
  await browser.storage.local.remove(POLICY_KEY);
  setServerPolicy(undefined);
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
  setServerPolicy(next);
  return 'updated';
}
