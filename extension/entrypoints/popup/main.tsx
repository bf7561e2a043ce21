import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../ui/styles.css';
import '../../ui/review.css';
import { readFirstPage } from '../../queue/first-page';
import { PAGE_SIZE } from '../../queue/queue-list';
import { popupStart } from '../../queue/popup-start';
import { pageSettings } from '../../ui/hooks';
import { PopupApp } from '../../ui/popup/popup-app';
import { parseQueueSettings } from '@shared/review/index';

// Settings, the remembered queue filters and the queue's first page (plain IndexedDB, no Dexie:
// queue/first-page.ts) before the first render. popup-start.js has usually opened the database
// and asked for the filters already (queue/popup-start.ts); the page read starts once both are in.
const start = popupStart(browser.storage.local);
const queue = start.queue.then(parseQueueSettings, () => parseQueueSettings(undefined));
const first = queue.then((q) =>
  readFirstPage({ ...q, ctx: { now: new Date() } }, PAGE_SIZE, { db: start.db }).catch(
    () => undefined,
  ),
);
void Promise.all([pageSettings({ queueFirst: true }), queue, first]).then(
  ([settings, stored, page]) =>
    render(
      <PopupApp settings={settings} queue={stored} {...(page ? { first: page } : {})} />,
      document.getElementById('app')!,
    ),
);
