import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../ui/styles.css';
import '../../review/review.css';
import { storageAreaStore } from '../../review/storage';
import { loadActivePolicy, watchActivePolicy } from '../../policy/active-policy';
import { loadSettings } from '../../settings/settings';
import { PopupApp } from '../../ui/popup/popup-app';

// Settings and the remembered queue filters first: the queue's first query is its only one.
watchActivePolicy();
void Promise.all([
  loadSettings(),
  storageAreaStore(browser.storage.local).load(),
  loadActivePolicy(),
]).then(([settings, queue]) =>
  render(<PopupApp settings={settings} queue={queue} />, document.getElementById('app')!),
);
