import { loadDefaultTextRules } from '@shared/policy/default-policy';
import { Dexie, type EntityTable } from 'dexie';
import { DEFAULT_DB_NAME, SCHEMA_VERSIONS } from './schema';
import type { AttachmentRow, ComplaintRow, DraftRow, MetaRow, StoredEvent } from './types';

export { DEFAULT_DB_NAME };

// Fetched only when an upgrade runs (see upgrades.ts), with the default text rules (v3 refolds
// old snapshots); `waitFor` keeps the upgrade transaction open while they download, which
// IndexedDB would otherwise commit.
const upgrades = () =>
  Dexie.waitFor(Promise.all([import('./upgrades'), loadDefaultTextRules()]).then(([m]) => m));

export class ComplaintDb extends Dexie {
  complaints!: EntityTable<ComplaintRow, 'id'>;
  events!: EntityTable<StoredEvent, 'id'>;
  drafts!: EntityTable<DraftRow, 'complaintId'>;
  attachments!: EntityTable<AttachmentRow, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name = DEFAULT_DB_NAME) {
    // Strict: the capture is acknowledged only after the commit, so the commit must be on disk
    // (Chrome's default "relaxed" durability may lose it if the browser is killed right after).
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores(SCHEMA_VERSIONS[1]);
    this.version(2)
      .stores(SCHEMA_VERSIONS[2])
      .upgrade(async (tx) => (await upgrades()).upgradeToV2(tx));
    this.version(3)
      .stores(SCHEMA_VERSIONS[3])
      .upgrade(async (tx) => (await upgrades()).upgradeToV3()(tx));
  }
}

let shared: ComplaintDb | undefined;

/** The extension's database, one per context (background, each page). */
export function openDb(name = DEFAULT_DB_NAME): ComplaintDb {
  if (name !== DEFAULT_DB_NAME) return new ComplaintDb(name);
  shared ??= new ComplaintDb(name);
  return shared;
}

/** Asks the browser not to evict our data under storage pressure; the answer is only advisory. */
export async function requestPersistence(
  nav: Navigator | undefined = globalThis.navigator,
): Promise<boolean> {
  try {
    if (!nav?.storage?.persist) return false;
    if (await nav.storage.persisted()) return true;
    return await nav.storage.persist();
  } catch {
    return false;
  }
}
