import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../ui/styles.css';
import '../../ui/review.css';
import { readFirstPage } from '../../queue/first-page';
import { PAGE_SIZE } from '../../queue/queue-list';
import { storageAreaStore } from '../../queue/storage';
import { pageSettings } from '../../ui/hooks';
import { PopupApp } from '../../ui/popup/popup-app';

// Settings, the remembered queue filters and the queue's first page (plain IndexedDB, no Dexie:
// queue/first-page.ts) before the first render; the page read starts as soon as the filters are in.
const queue = storageAreaStore(browser.storage.local).load();
const first = queue.then((q) =>
  readFirstPage({ ...q, ctx: { now: new Date() } }, PAGE_SIZE).catch(() => undefined),
);
void Promise.all([pageSettings({ queueFirst: true }), queue, first]).then(
  ([settings, stored, page]) =>
    render(
      <PopupApp settings={settings} queue={stored} {...(page ? { first: page } : {})} />,
      document.getElementById('app')!,
    ),
);
