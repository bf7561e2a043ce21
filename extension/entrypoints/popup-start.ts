import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { popupStart } from '../queue/popup-start';

// popup.html runs this before its modules arrive: the database opens meanwhile (queue/popup-start.ts).
export default defineUnlistedScript(() => void popupStart(browser.storage.local));
