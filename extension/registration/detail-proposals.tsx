import type { Locale } from '@shared/schema/codes';
import { labelColon } from '@shared/i18n/punctuation';
import type { Draft } from '@shared/schema/registration';
import { useMemo, useState } from 'preact/hooks';
import type { T } from '../i18n';
import {
  type FieldProposal,
  applyProposal,
  highlightRuns,
  proposalText,
  proposeFields,
} from './proposals';

/**
 * The details shared/extract found in the clip, each highlighted in the clip's text and offered
 * for one field. Nothing is written until the agent presses a proposal's button; a field that
 * already holds another value is only ever replaced by the explicit "Replace" button.
 */
export function DetailProposals(props: {
  draft: Draft;
  locale: Locale;
  currency: string;
  t: T;
  onApply: (next: Draft) => void;
  /** The organisation's calendar zone: the day "today" names in the text. */
  timeZone?: string;
  now?: Date;
}) {
  const { draft, t, currency, locale, timeZone } = props;
  const [focus, setFocus] = useState<string>();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const text = proposalText(draft.source);
  const proposals = useMemo(
    () =>
      proposeFields(draft, {
        now: props.now ?? new Date(),
        locale,
        currency,
        ...(timeZone ? { timeZone } : {}),
      }),
    [draft, locale, currency, timeZone],
  );
  if (!text) return null;
  const shown = proposals.filter((p) => !dismissed.has(p.id));
  const runs = highlightRuns(text, shown);

  return (
    <section class="cd-proposals" aria-labelledby="cd-proposals-h">
      <h2 id="cd-proposals-h">{t('cap.proposals.title')}</h2>
      <p class="cd-help">{shown.length ? t('cap.proposals.help') : t('cap.proposals.none')}</p>
      {shown.length > 0 && (
        <ul class="cd-list">
          {shown.map((p) => (
            <ProposalRow
              key={p.id}
              p={p}
              t={t}
              locale={locale}
              onFocus={() => setFocus(p.id)}
              onApply={() => props.onApply(applyProposal(draft, p, currency))}
              onDismiss={() => setDismissed(new Set([...dismissed, p.id]))}
            />
          ))}
        </ul>
      )}
      <h3 id="cd-cliptext-h" class="cd-visually-hidden">
        {t('cap.proposals.clipText')}
      </h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a long email scrolls (max 16em); focusable so the keyboard can scroll it (axe scrollable-region-focusable) */}
      <pre class="cd-cliptext" aria-describedby="cd-cliptext-h" tabIndex={0}>
        {runs.map((r, i) =>
          r.proposalId ? (
            <mark
              key={r.proposalId}
              id={`cd-mark-${r.proposalId}`}
              class={r.proposalId === focus ? 'cd-focus' : undefined}
            >
              {r.text}
            </mark>
          ) : (
            <span key={i}>{r.text}</span>
          ),
        )}
      </pre>
    </section>
  );
}

function ProposalRow(props: {
  p: FieldProposal;
  t: T;
  locale: Locale;
  onFocus: () => void;
  onApply: () => void;
  onDismiss: () => void;
}) {
  const { p, t } = props;
  const field = p.field && t(`cap.field.${p.field}`);
  return (
    <li onMouseEnter={props.onFocus} onFocusCapture={props.onFocus}>
      <span>
        {t(`cap.kind.${p.detail.kind}`)}
        {labelColon(props.locale)}
        <b aria-describedby={`cd-mark-${p.id}`}>{p.display}</b>{' '}
        <span class="cd-meta">“{p.detail.text}”</span>
      </span>{' '}
      {!field ? (
        <span class="cd-meta">{t('cap.proposals.noField')}</span>
      ) : p.applied ? (
        <span class="cd-ok">{t('cap.proposals.applied')}</span>
      ) : (
        <button type="button" class="cd-use" onClick={props.onApply}>
          {p.replaces
            ? t('cap.proposals.replace', { field, current: p.replaces })
            : t('cap.proposals.use', { field })}
        </button>
      )}{' '}
      {!p.applied && (
        <button type="button" class="cd-link" onClick={props.onDismiss}>
          {t('cap.proposals.dismiss')}
        </button>
      )}
    </li>
  );
}
