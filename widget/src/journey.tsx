import type { Locale } from '@shared/schema/codes';
import type { FieldError } from '@shared/schema/issues';
import type { ComplaintSubmission } from '@shared/schema/submission';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Step } from './step';
import { DoneView, QueuedView } from './done-view';
import {
  ComplaintErrorEvent,
  ComplaintQueuedEvent,
  ComplaintSubmitEvent,
  ComplaintSubmittedEvent,
  type Receipt,
} from './events';
import type { PreparedImage } from './images';
import { loadOutboxModule } from './lazy';
import { hasPending } from './pending';
import { hasFieldErrors, idReused, retriesItself, whyKept } from './kept';
import { type Msg, render } from './messages';
import { type ReplyDue, replyDue } from './reply-deadline';
import { ReviewView, readBack } from './review-view';
import { type SendOutcome, send } from './send';
import type { Validation } from './validate';

export interface JourneyProps {
  host: HTMLElement;
  locale: Locale;
  endpoint: string;
  nonce: string;
  /** The validated submission the visitor is asked to confirm. */
  data: ComplaintSubmission;
  images: readonly PreparedImage[];
  /** Validates the draft again right before sending (fresh fill time). */
  recheck: () => Promise<Validation>;
  /** Back to the form, with the server's field errors when it refused them. */
  onEdit: (errors?: FieldError[]) => void;
  /** The complaint's id from now on (after a 409, its outbox item got a new one). */
  onNewId: (id: string) => void;
  onReset: () => void;
  onStep?: ((step: Step) => void) | undefined;
}

/** After the form: read-back → send → case number, or saved to the outbox when offline. */
export function Journey(p: JourneyProps) {
  const { host, locale } = p;
  const [step, setStep] = useState<Step>('review');
  const [notice, setNotice] = useState<Msg | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [due, setDue] = useState<ReplyDue>();
  const self = useRef({
    retryAt: 0,
    focus: true,
    /** This complaint was put in the outbox (a send did not register it). */
    kept: false,
    /** The id the outbox keeps it under (a 409 gives it a new one). */
    id: '',
    unsubscribe: undefined as (() => void) | undefined,
  }).current;
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => () => self.unsubscribe?.(), []);
  useEffect(() => p.onStep?.(step), [step]);
  useLayoutEffect(() => {
    if (!self.focus) return;
    self.focus = false;
    headingRef.current?.focus();
  });

  const go = (next: Step) => {
    self.focus = true;
    setStep(next);
  };
  const emitError = (errors: FieldError[], status?: number) =>
    host.dispatchEvent(new ComplaintErrorEvent({ errors, status }));

  async function onSend() {
    if (step === 'sending') return;
    if (!p.endpoint) return setNotice({ key: 'widget.error.noEndpoint' });
    const wait = self.retryAt - Date.now();
    if (wait > 0) {
      return setNotice({
        key: 'widget.error.rateLimited',
        params: { seconds: Math.ceil(wait / 1000) },
      });
    }
    const checked = await p.recheck();
    if (!checked.ok) return p.onEdit();
    const payload = checked.data;
    const submit = new ComplaintSubmitEvent(payload, p.images);
    host.dispatchEvent(submit);
    if (submit.defaultPrevented) return;
    setNotice(null);
    setStep('sending');
    const body = JSON.stringify(payload);
    // With images: multipart, the downscaled bytes beside the JSON (kept by the outbox too).
    const files = p.images.map(({ name, type, blob }) => ({ name, type, blob }));
    const outcome = await send(p.endpoint, body, locale, fetch, Date.now(), files);
    if (outcome.kind === 'ok') {
      // An earlier attempt of this complaint may wait in the outbox: it is registered now.
      // (Also when an earlier mount of the read-back kept it: the pending flag says so.)
      if (self.kept || hasPending()) void outbox().then((o) => o.remove(payload.id));
      return settle(outcome, payload.id);
    }
    if (hasFieldErrors(outcome)) return settle(outcome, payload.id);
    // Any other answer: the complaint stays in the outbox and on screen, never dropped.
    let stored = false;
    let fresh: string | undefined;
    try {
      const o = await outbox();
      self.id = payload.id;
      self.unsubscribe?.();
      self.unsubscribe = o.subscribe((s) => {
        if (s.id !== self.id) return;
        if (s.renewedAs) renewed(s.renewedAs);
        settle(s.outcome, s.id, s.renewedAs !== undefined);
      });
      await o.enqueue(
        { id: payload.id, endpoint: p.endpoint, body, locale, files },
        { held: !retriesItself(outcome) },
      );
      self.kept = stored = true;
      // Not registered under this id (the server holds another body under it): "Try again"
      // sends it under a new one (why that is safe: outbox.ts `renew`).
      fresh = idReused(outcome) ? await o.renew(payload.id) : undefined;
      if (fresh) renewed(fresh);
    } catch {
      // IndexedDB unavailable (or the outbox code could not load): the read-back keeps the text.
    }
    if (outcome.kind === 'retry' && outcome.status === undefined) {
      if (!stored) return fail({ key: 'widget.error.network' });
      go('queued');
      host.dispatchEvent(new ComplaintQueuedEvent({ id: payload.id }));
      return;
    }
    if (outcome.kind === 'retry' && stored) {
      // A server fault or an answer not understood: the outbox keeps trying on its own.
      setNotice(whyKept(outcome));
      go('review');
      host.dispatchEvent(new ComplaintQueuedEvent({ id: payload.id }));
      return;
    }
    settle(outcome, payload.id, fresh !== undefined);
  }

  const outbox = () => loadOutboxModule(p.nonce).then((m) => m.startOutbox());

  function renewed(id: string) {
    self.id = id;
    p.onNewId(id);
  }

  /** `renewed`: after a 409, the kept complaint got a new id, so "Try again" can register it. */
  function settle(outcome: SendOutcome, id: string, renewed = false) {
    if (outcome.kind === 'ok') {
      const r = { ...outcome.receipt, id: outcome.receipt.id || id };
      self.unsubscribe?.();
      setReceipt(r);
      go('done');
      host.dispatchEvent(new ComplaintSubmittedEvent(r));
      void replyDue(r, new Date()).then(setDue);
      return;
    }
    if (hasFieldErrors(outcome) && outcome.kind === 'invalid') {
      p.onEdit(outcome.errors);
      return emitError(outcome.errors, outcome.status);
    }
    if (outcome.kind === 'rateLimited') self.retryAt = Date.now() + outcome.retryAfterMs;
    // Not kept (no IndexedDB) after a network failure: only the read-back holds the text.
    if (outcome.kind === 'retry' && outcome.status === undefined)
      return fail({ key: 'widget.error.network' });
    // A 409 with no new id (it had one already, or nothing could keep it): say so plainly.
    if (idReused(outcome) && !renewed)
      return fail({ key: 'widget.kept.rejected', params: { status: 409 } }, 409);
    fail(whyKept(outcome), outcome.status);
  }

  function fail(m: Msg, status?: number) {
    setNotice(m);
    go('review');
    emitError([{ path: '', code: m.key, message: render(locale, m) }], status);
  }

  if (step === 'done' && receipt) {
    return (
      <DoneView
        locale={locale}
        receipt={receipt}
        due={due}
        anonymous={p.data.complainant.anonymous}
        headingRef={headingRef}
        onAgain={p.onReset}
      />
    );
  }
  if (step === 'queued') {
    const rows = readBack(
      locale,
      p.data,
      p.images.map((i) => i.name),
    );
    return <QueuedView locale={locale} rows={rows} headingRef={headingRef} />;
  }
  return (
    <ReviewView
      locale={locale}
      data={p.data}
      imageNames={p.images.map((i) => i.name)}
      sending={step === 'sending'}
      notice={notice}
      trouble={notice !== null}
      headingRef={headingRef}
      onSend={() => void onSend()}
      onEdit={() => p.onEdit()}
    />
  );
}
