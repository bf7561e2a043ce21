import type { ComplaintDb } from '../db/database';
import type { BackupActions } from './backup';

/**
 * `dexieBackup`, fetched on first use: exporting and restoring need zod's backup schema, and a
 * restore appends through the whole workflow, none of which the report page needs to show.
 */
export function dexieBackupLater(db: ComplaintDb, clock?: () => Date): BackupActions {
  const actions = () => import('./backup').then((m) => m.dexieBackup(db, clock));
  return {
    exportText: async () => (await actions()).exportText(),
    plan: async (text) => (await actions()).plan(text),
    apply: async (plan) => (await actions()).apply(plan),
  };
}
