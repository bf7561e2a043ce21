import { type QueueSettings, parseQueueSettings } from '@shared/review/index';
import { QUEUE_SETTINGS_KEY } from './popup-start';

/** Where the queue remembers its filters and sort (passed in, so tests need no browser). */
export interface SettingsStore {
  load(): Promise<QueueSettings>;
  save(settings: QueueSettings): Promise<void>;
}

/** A store in memory (tests, and pages that should not remember). */
export function memoryStore(initial?: unknown): SettingsStore & { saved: QueueSettings[] } {
  let value = parseQueueSettings(initial);
  const saved: QueueSettings[] = [];
  return {
    saved,
    load: async () => value,
    save: async (s) => {
      value = s;
      saved.push(s);
    },
  };
}

/** The subset of `browser.storage.local` (or `.sync`) the store uses. */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** A store in an extension storage area, under `key`; what is read back is validated. */
export function storageAreaStore(area: StorageArea, key = QUEUE_SETTINGS_KEY): SettingsStore {
  return {
    load: async () => parseQueueSettings((await area.get(key))[key]),
    save: (s) => area.set({ [key]: s }),
  };
}
