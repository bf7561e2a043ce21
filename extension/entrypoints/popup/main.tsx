import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../ui/styles.css';
import '../../ui/review.css';
import { readFirstPage } from '../../queue/first-page';
import { PAGE_SIZE } from '../../queue/page-size';
import { QUEUE_SETTINGS_KEY, popupStart } from '../../queue/popup-start';
import { pageSettings } from '../../ui/hooks';
import { PopupApp } from '../../ui/popup/popup-app';
import { parseQueueSettings } from '@shared/review/index';

// Settings, the remembered queue filters and the queue's first page (plain IndexedDB, no Dexie:
// queue/first-page.ts) before the first render. popup-start.js has usually opened the database,
// read the index's head and asked for the stored settings already (queue/popup-start.ts); the
// page is cut once the filters are in.
const start = popupStart(browser.storage.local);
const queue = start.stored.then(
  (s) => parseQueueSettings(s[QUEUE_SETTINGS_KEY]),
  () => parseQueueSettings(undefined),
);
const first = queue.then((q) =>
  readFirstPage({ ...q, ctx: { now: new Date() } }, PAGE_SIZE, {
    db: start.db,
    batch: start.batch,
  }).catch(() => undefined),
);
void Promise.all([pageSettings({ queueFirst: true, stored: start.stored }), queue, first]).then(
  ([settings, remembered, page]) =>
    render(
      <PopupApp settings={settings} queue={remembered} {...(page ? { first: page } : {})} />,
      document.getElementById('app')!,
    ),
);
