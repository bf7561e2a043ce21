/**
 * `<complaint-form>` (ES module build). Importing it defines the element once; the classes are
 * exported for `instanceof` checks and typed event listeners.
 */
import { createComplaintFormElement } from './element';

export type { ComplaintFormElement as ComplaintFormElementType } from './element';
export {
  ComplaintErrorEvent,
  ComplaintQueuedEvent,
  ComplaintSubmitEvent,
  ComplaintSubmittedEvent,
  type Receipt,
  type SubmitImage,
  type SubmitPayload,
} from './events';

export const ComplaintFormElement =
  (customElements.get('complaint-form') as
    | ReturnType<typeof createComplaintFormElement>
    | undefined) ?? createComplaintFormElement();
if (!customElements.get('complaint-form'))
  customElements.define('complaint-form', ComplaintFormElement);
