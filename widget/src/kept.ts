import type { Msg } from './messages';
import type { SendOutcome } from './send';

/** Answers after which the complaint stays in the outbox: all but a registration and field errors. */
export type KeptOutcome = Exclude<SendOutcome, { kind: 'ok' }>;

/** Whether the form itself can show what to fix: field errors go back to the form. */
export const hasFieldErrors = (o: SendOutcome): boolean =>
  o.kind === 'invalid' && o.errors.length > 0;

/** "This id was used with a different body": the one refusal a new id can fix (outbox `renew`). */
export const idReused = (o: SendOutcome): boolean => o.kind === 'rejected' && o.status === 409;

/** Whether the outbox retries on its own (the answer may change); else it holds the complaint. */
export const retriesItself = (o: KeptOutcome): boolean =>
  o.kind === 'retry' || o.kind === 'rateLimited';

/**
 * What the visitor is told when the server gave no registration, by answer: each says the
 * complaint is kept. A network failure (no answer at all) has its own "saved" view instead.
 */
export function whyKept(o: KeptOutcome): Msg {
  switch (o.kind) {
    case 'retry':
      return {
        key:
          o.status !== undefined && o.status < 300
            ? 'widget.kept.notUnderstood'
            : 'widget.kept.server',
      };
    case 'rateLimited':
      return {
        key: 'widget.error.rateLimited',
        params: { seconds: Math.ceil(o.retryAfterMs / 1000) },
      };
    case 'tooLarge':
      return { key: 'widget.error.tooLarge' };
    case 'invalid':
      return { key: 'widget.kept.refused' };
    case 'rejected':
      if (o.status === 403) return { key: 'widget.kept.forbidden' };
      if (o.status === 404) return { key: 'widget.kept.notFound' };
      if (o.status === 409) return { key: 'widget.kept.idReused' };
      return { key: 'widget.kept.rejected', params: { status: o.status } };
  }
}
