import { useMemo } from 'preact/hooks';
import { openDb } from '../db/database';
import { dexieBackupLater } from '../backup/backup-later';
import { reportComplaints } from './report-complaints';
import { ReportPage } from './report-page';
import { useI18n, useSettings } from '../ui/hooks';

/** The monthly report page (`report.html`): figures from the indexed snapshots, and the backup. */
export function ReportApp() {
  const { locale } = useI18n(useSettings());
  const db = openDb();
  const backup = useMemo(() => dexieBackupLater(db), [db]);
  // ReportPage is the page's <main> landmark itself.
  return (
    <ReportPage
      key={locale}
      locale={locale}
      load={(month, timeZone) => reportComplaints(db, month, timeZone)}
      backup={backup}
    />
  );
}
