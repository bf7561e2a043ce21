/**
 * The case's actions: what the shared workflow lets this user do now, one form open at a time,
 * and the actions that fit the status but not the user or the facts — disabled, with the reason.
 *
 * Keyboard: each allowed action has a letter (`ACTION_KEYS`) that opens its form, pressed
 * anywhere on the page outside a field or an open form; `?` lists this case's shortcuts in a
 * dialog. A letter for an action the workflow refuses says why instead.
 */
import type { Actor } from '@shared/schema/event';
import type { WorkflowContext } from '@shared/workflow/types';
import { useEffect, useState } from 'preact/hooks';
import type { OnAct } from '../queue/bulk';
import type { TeamDirectory } from '../team/directory';
import { KeyHelpDialog, isShortcut } from '../ui/key-help';
import { ActionForm } from './action-form';
import { ACTION_KEYS, type CaseAction, type Offer, offerForKey, offeredActions } from './actions';
import type { CaseContext } from './case-parts';
import type { QueuedReply, ReplyService } from './reply-service';

export function ActionsSection(props: {
  c: CaseContext;
  actor: Actor;
  ctx: WorkflowContext;
  clock: () => Date;
  newId: () => string;
  onAct: OnAct;
  onRegister?: ((id: string) => void) | undefined;
  team?: TeamDirectory | undefined;
  replies?: ReplyService | undefined;
  onReplyQueued?: (reply: QueuedReply) => void;
}) {
  const {
    c: { state, t },
    actor,
    ctx,
    clock,
  } = props;
  const [open, setOpen] = useState<CaseAction>();
  const [message, setMessage] = useState<string>();
  const [help, setHelp] = useState(false);
  const offers = offeredActions(state, actor, ctx);
  const allowed = offers.filter((o) => o.allowed && (o.type !== 'registered' || props.onRegister));
  const refused = offers.filter((o) => !o.allowed);
  const name = (o: Offer) =>
    o.type === 'registered' ? t('review.form.register') : t.key(`event.${o.type}`);

  function start(o: Offer) {
    if (o.type === 'registered') props.onRegister?.(state.id);
    else {
      setMessage(undefined);
      setOpen(o.type);
    }
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Not while the help is open, typing, or in an open form (a letter there is no command).
      if (help || !isShortcut(e) || (e.target as Element | null)?.closest?.('form')) return;
      if (e.key === '?') {
        e.preventDefault();
        setHelp(true);
        return;
      }
      const offer = offerForKey(allowed, e.key);
      if (offer) {
        e.preventDefault();
        start(offer);
        return;
      }
      const no = refused.find((o) => ACTION_KEYS[o.type] === e.key);
      if (no && !no.allowed)
        setMessage(
          t('ws.keys.unavailable', { action: name(no), reason: t.key(no.reason, no.params) }),
        );
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const lines = [
    ...allowed.map((o) => t('ws.keys.line', { key: ACTION_KEYS[o.type], action: name(o) })),
    t('ws.keys.help'),
    t('ws.keys.escape'),
  ];
  return (
    <section aria-labelledby="rv-actions" class="rv-no-print">
      <h2 id="rv-actions">{t('review.case.actions')}</h2>
      <p role="status" aria-live="polite">
        {message ?? ''}
      </p>
      <div class="rv-actions">
        {allowed.map((o) => (
          <button
            key={o.type}
            type="button"
            data-action={o.type}
            aria-keyshortcuts={ACTION_KEYS[o.type]}
            aria-expanded={o.type === 'registered' ? undefined : open === o.type}
            aria-controls={open === o.type ? `rv-act-${o.type}` : undefined}
            class={open === o.type ? 'cd-primary' : undefined}
            onClick={() =>
              o.type !== 'registered' && open === o.type ? setOpen(undefined) : start(o)
            }
          >
            {name(o)}
          </button>
        ))}
        <button
          type="button"
          class="rv-keys-button"
          aria-keyshortcuts="?"
          aria-haspopup="dialog"
          onClick={() => setHelp(true)}
        >
          {t('ws.keys.open')}
        </button>
      </div>
      <KeyHelpDialog
        open={help}
        title={t('ws.keys.title')}
        lines={lines}
        closeLabel={t('ws.keys.close')}
        onClose={() => setHelp(false)}
      />
      {open && (
        <ActionForm
          key={`${open}-${state.version}`}
          type={open}
          state={state}
          actor={actor}
          t={t}
          clock={clock}
          newId={props.newId}
          ctx={ctx}
          onAct={props.onAct}
          team={props.team}
          replies={props.replies}
          {...(props.onReplyQueued ? { onReplyQueued: props.onReplyQueued } : {})}
          onDone={(m) => {
            setOpen(undefined);
            setMessage(m);
          }}
          onCancel={() => setOpen(undefined)}
        />
      )}
      {refused.length > 0 && (
        <>
          <h3>{t('review.case.unavailable')}</h3>
          <ul class="rv-disabled-list">
            {refused.map((o) => (
              <li key={o.type}>
                <button type="button" disabled aria-describedby={`rv-why-${o.type}`}>
                  {name(o)}
                </button>{' '}
                <span id={`rv-why-${o.type}`}>{o.allowed ? '' : t.key(o.reason, o.params)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
