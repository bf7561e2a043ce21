/**
 * `<complaint-form>` for a plain `<script>` (IIFE build, global `ComplaintForm`). Browsers without
 * custom elements get the polyfill, loaded from next to this script only then; everyone else
 * pays nothing for it.
 */
import { createComplaintFormElement } from './element';

export {
  ComplaintErrorEvent,
  ComplaintQueuedEvent,
  ComplaintSubmitEvent,
  ComplaintSubmittedEvent,
} from './events';

const script = document.currentScript as HTMLScriptElement | null;

function define() {
  if (!customElements.get('complaint-form'))
    customElements.define('complaint-form', createComplaintFormElement());
}

if (window.customElements) define();
else {
  const polyfill = document.createElement('script');
  polyfill.src = new URL('complaint-form.polyfill.js', script?.src || location.href).href;
  if (script?.nonce) polyfill.nonce = script.nonce;
  polyfill.onload = define;
  document.head.append(polyfill);
}
