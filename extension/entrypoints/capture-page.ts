import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { captureInPage } from '../background/in-page';

// Injected on demand with scripting.executeScript (activeTab); its result is the clip.
export default defineUnlistedScript(() => captureInPage(window));
