import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../ui/styles.css';
import '../../ui/review.css';
import { storageAreaStore } from '../../queue/storage';
import { pageSettings } from '../../ui/hooks';
import { PopupApp } from '../../ui/popup/popup-app';

// Settings and the remembered queue filters first: the queue's first query is its only one.
void Promise.all([
  pageSettings({ queueFirst: true }),
  storageAreaStore(browser.storage.local).load(),
]).then(([settings, queue]) =>
  render(<PopupApp settings={settings} queue={queue} />, document.getElementById('app')!),
);
