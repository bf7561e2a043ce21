import { defineContentScript } from 'wxt/utils/define-content-script';
import { WEBMAIL_HOST_PATTERNS } from '../permissions/webmail-hosts';
import { mountClipButton } from '../ui/webmail-button';

// Registered at run time, and only for the webmail hosts the agent allowed (options page).
export default defineContentScript({
  matches: WEBMAIL_HOST_PATTERNS,
  registration: 'runtime',
  main: () => void mountClipButton(document),
});
