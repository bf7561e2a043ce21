import type { FieldError } from '@shared/schema/issues';
import type { ComplaintSubmission } from '@shared/schema/submission';

/** What `complaint-submit` carries: the validated submission exactly as it will be sent. */
export type SubmitPayload = ComplaintSubmission;

/** An attached image after downscaling: the bytes sent (`blob`), and as a `data:` URL. */
export interface SubmitImage {
  name: string;
  type: string;
  size: number;
  dataUrl: string;
  blob: Blob;
}

/** The server's answer to an accepted submission. */
export interface Receipt {
  id: string;
  caseNumber?: string;
  receivedAt?: string;
  replyDueAt?: string;
}

const init = (cancelable = false): EventInit => ({ bubbles: true, composed: true, cancelable });

/**
 * Fired before sending; `preventDefault()` stops the widget from sending (send it yourself).
 * With images, the widget sends `multipart/form-data`: the JSON in a `submission` part (its
 * `attachments` lists the images' metadata) and each image's bytes in an `images` part; they
 * are here too, in `images`.
 */
export class ComplaintSubmitEvent extends Event {
  constructor(
    readonly detail: SubmitPayload,
    readonly images: readonly SubmitImage[] = [],
  ) {
    super('complaint-submit', init(true));
  }
}

/** The server accepted the complaint (at once, or later from the offline outbox). */
export class ComplaintSubmittedEvent extends Event {
  constructor(readonly detail: Receipt) {
    super('complaint-submitted', init());
  }
}

/** The server could not be reached: the complaint waits in the outbox and will be retried. */
export class ComplaintQueuedEvent extends Event {
  constructor(readonly detail: { id: string }) {
    super('complaint-queued', init());
  }
}

/** The complaint was refused (validation, too large, rate limit, not allowed). */
export class ComplaintErrorEvent extends Event {
  constructor(readonly detail: { errors: FieldError[]; status?: number }) {
    super('complaint-error', init());
  }
}
