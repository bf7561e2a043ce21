import { sanitizeClip, sanitizeHtmlList } from '../../background/dom-sanitize';
import { onMessages } from '../../messaging';

// Chrome only: DOMPurify needs a DOM, which the service worker lacks. Nothing here is rendered.
onMessages({
  'sanitize.clip': ({ clip, capturedAt }) => ({ result: sanitizeClip(clip, capturedAt) }),
  'sanitize.html': ({ html }) => ({ html: sanitizeHtmlList(html) }),
});
