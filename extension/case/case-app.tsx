import { useTeam } from '../team/use-team';
import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { openDb } from '../db/database';
import type { AttachmentRow, ComplaintRow } from '../db/types';
import { CaseView, type CaseAttachment, type HistoryEvent } from './case-view';
import { loadCase } from './load-case';
import { type ReplyService, httpReplyService } from './reply-service';
import { type SyncConfig, loadSyncConfig, onSyncConfigChanged } from '../sync/config';
import type { Locale } from '@shared/schema/codes';
import type { Settings } from '../settings/settings';
import { useI18n, useSettings } from '../ui/hooks';
import { openRegistrationFromPage } from '../ui/open-registration';
import { actorOf, persistActLater } from '../ui/review-shell';

type Loaded = {
  row: ComplaintRow;
  events: HistoryEvent[];
  attachments: AttachmentRow[];
};

/** Stored blobs as object URLs for the page's lifetime (revoked when the list changes). */
function useAttachmentUrls(rows: readonly AttachmentRow[] | undefined): CaseAttachment[] {
  const [list, setList] = useState<CaseAttachment[]>([]);
  const key = rows?.map((a) => a.id).join() ?? '';
  useEffect(() => {
    const made = (rows ?? []).map((a) => ({
      id: a.id,
      name: a.name,
      type: a.type,
      size: a.size,
      url: a.blob instanceof Blob ? URL.createObjectURL(a.blob) : undefined,
    }));
    setList(made);
    return () => {
      for (const a of made) if (a.url) URL.revokeObjectURL(a.url);
    };
  }, [key]);
  return list;
}

/** The team server this device syncs with, if any (team mode), kept current. */
function useSyncConfig(): SyncConfig | undefined {
  const [config, setConfig] = useState<SyncConfig>();
  useEffect(() => {
    const read = () => void loadSyncConfig().then(setConfig);
    read();
    return onSyncConfigChanged(read);
  }, []);
  return config;
}

/** Team mode: replies go through the server (its address and this device's token). */
function useReplyService(config: SyncConfig | undefined, locale: Locale): ReplyService | undefined {
  return useMemo(
    () =>
      config
        ? httpReplyService({
            serverUrl: config.serverUrl,
            token: config.token,
            locale,
            fetch: (input, init) => globalThis.fetch(input, init),
          })
        : undefined,
    [config?.serverUrl, config?.token, locale],
  );
}

/**
 * One complaint's case page (`case.html?id=`): `CaseView` over `loadCase`, reloaded whenever the
 * log changes (here, in the popup, or from sync); actions go through the shared append path.
 */
export function CaseApp(props: { id: string | undefined; settings?: Settings }) {
  const settings = useSettings() ?? props.settings;
  const { locale, t } = useI18n(settings);
  const db = openDb();
  // The append path (the whole workflow) is fetched on the first action, not before the case shows.
  const onAct = useMemo(() => persistActLater(db), [db]);
  const [loaded, setLoaded] = useState<Loaded | null>();

  useEffect(() => {
    if (!props.id) {
      setLoaded(null);
      return;
    }
    const id = props.id;
    const sub = liveQuery(() => loadCase(db, id)).subscribe({
      next: (c) =>
        setLoaded(c ? { row: c.row, events: c.events, attachments: c.attachments } : null),
      error: () => setLoaded(null),
    });
    return () => sub.unsubscribe();
  }, [props.id]);
  const attachments = useAttachmentUrls(loaded?.attachments);
  const team = useTeam();
  const config = useSyncConfig();
  // In team mode unsent events are marked pending in the history.
  const teamMode = config !== undefined;
  const replies = useReplyService(config, locale);

  if (loaded === undefined || !settings)
    return <main aria-busy="true">{t('ext.case.loading')}</main>;
  if (loaded === null || !loaded.row.state)
    return (
      <main>
        <h1>{t('ext.case.notFound')}</h1>
      </main>
    );
  return (
    <main>
      <CaseView
        state={loaded.row.state}
        events={loaded.events}
        attachments={attachments}
        actor={actorOf(settings)}
        locale={locale}
        onAct={onAct}
        onRegister={(id) => void openRegistrationFromPage(id)}
        team={team}
        teamMode={teamMode}
        replies={replies}
      />
    </main>
  );
}
