import { ROLES, type Role } from '@shared/schema/codes';
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import type { Fetch } from '../sync/client';
import { type SyncConfig, loadSyncConfig } from '../sync/config';
import { loadSettings, saveSettings } from '../settings/settings';

/** A person a complaint can be assigned to (one live staff token on the team server). */
export interface TeamMember {
  id: string;
  name: string;
  role: Role;
  /** The policy department the token names (absent from servers before tokens had one). */
  department?: string | null;
}

/** The team as the server last listed it; kept so assigning works offline. */
export interface TeamDirectory {
  members: TeamMember[];
  /** Which member this device's token is. */
  me: string;
  /** When the server answered (ISO). */
  fetchedAt: string;
  /** True when this copy is the stored one because the server could not be asked now. */
  offline?: boolean;
}

const KEY = 'teamDirectory';
const Answer = z.object({
  members: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      role: z.enum(ROLES),
      department: z.optional(z.nullable(z.string())),
    }),
  ),
  me: z.string(),
});

/** The stored copy, if the server was ever asked. */
export async function loadTeam(): Promise<TeamDirectory | undefined> {
  return (await browser.storage.local.get(KEY))[KEY] as TeamDirectory | undefined;
}

/**
 * Asks the team server for its members (`GET /api/v1/team`) and stores the answer; when the
 * server cannot be reached or refuses, the last stored list (marked offline), else undefined.
 * Local mode (no server configured) has no team.
 */
export async function refreshTeam({
  fetch = (input, init) => globalThis.fetch(input, init),
  now = () => new Date(),
  config,
}: {
  fetch?: Fetch;
  now?: () => Date;
  config?: SyncConfig;
} = {}): Promise<TeamDirectory | undefined> {
  const sync = config ?? (await loadSyncConfig());
  if (!sync) return undefined;
  try {
    const res = await fetch(`${sync.serverUrl}/api/v1/team`, {
      headers: { accept: 'application/json', authorization: `Bearer ${sync.token}` },
      signal: AbortSignal.timeout(15_000),
    });
    const answer = res.ok ? Answer.safeParse(await res.json()) : undefined;
    if (!answer?.success) throw new Error(`team: ${res.status}`);
    const directory: TeamDirectory = { ...answer.data, fetchedAt: now().toISOString() };
    await browser.storage.local.set({ [KEY]: directory });
    await adoptIdentity(directory);
    return directory;
  } catch {
    const stored = await loadTeam();
    return stored && { ...stored, offline: true };
  }
}

/**
 * In team mode this device acts as its token: the same id and role. The server records every
 * event under the token's name anyway (the name shown locally stays the user's choice); without
 * the same id here, the shared permission rule on this device would refuse the token's own cases
 * ("assigned to someone else").
 */
async function adoptIdentity({ members, me }: TeamDirectory): Promise<void> {
  const self = members.find((m) => m.id === me);
  if (!self) return;
  const s = await loadSettings();
  if (s.userId === self.id && s.role === self.role) return;
  await saveSettings({ userId: self.id, role: self.role, userName: s.userName || self.name });
}
