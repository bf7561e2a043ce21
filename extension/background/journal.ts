import type { JournalEntry } from './capture-types';

/** Where a capture waits between the trigger and the commit (and after a failed commit). */
export interface StorageAreaLike {
  get(keys: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const PREFIX = 'capture:';

/**
 * The capture journal. `session` storage survives a service-worker stop; a capture whose commit
 * failed is also copied to `local` storage so a browser restart cannot drop it either.
 */
export class CaptureJournal {
  constructor(
    private readonly session: StorageAreaLike,
    private readonly local: StorageAreaLike,
  ) {}

  async put(entry: JournalEntry): Promise<void> {
    await this.session.set({ [PREFIX + entry.id]: entry });
  }

  /** Keeps a failed capture beyond the browser session as well. */
  async keepFailed(entry: JournalEntry): Promise<void> {
    await this.session.set({ [PREFIX + entry.id]: entry });
    try {
      await this.local.set({ [PREFIX + entry.id]: entry });
    } catch {
      // local storage full too: the session copy (and the open error) still hold it
    }
  }

  async remove(id: string): Promise<void> {
    await this.session.remove(PREFIX + id);
    await this.local.remove(PREFIX + id);
  }

  async list(): Promise<JournalEntry[]> {
    const [s, l] = await Promise.all([this.session.get(null), this.local.get(null)]);
    const byId = new Map<string, JournalEntry>();
    for (const area of [l, s]) {
      for (const [key, value] of Object.entries(area)) {
        if (key.startsWith(PREFIX)) byId.set(key.slice(PREFIX.length), value as JournalEntry);
      }
    }
    return [...byId.values()].sort((a, b) => a.at.localeCompare(b.at));
  }
}
