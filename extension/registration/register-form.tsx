import { currencyName } from '@shared/i18n/money';
import { labelColon } from '@shared/i18n/punctuation';
import { activePolicy, onCallContact, textRulesReady } from '../policy/active-policy';
import { CHANNELS, type Channel, READ_BACK_CHANNELS } from '@shared/schema/codes';
import type { Draft } from '@shared/schema/registration';
import { Checkbox, ErrorSummary, Select, TextArea, TextInput } from '@shared/ui';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ComplaintDb } from '../db/database';
import { eventsOf } from '../db/events-of';
import type { Actor } from '../db/types';
import { type T, tKey } from '../i18n';
import { caseNumberLabel } from '@shared/numbering/provisional';
import { useLive } from '../ui/use-live';
import { useLater } from '../ui/later';
import { ReviewNotice } from './review-notice';
import { ScreenshotEditor } from './screenshot-editor';
import { WrongCapture } from './wrong-capture';
import { ClipSourceView } from './clip-source-view';
import { LivePreview } from './live-preview';
import { useDraft } from './use-draft';
import type { Locale } from '@shared/schema/codes';

/** Manual entry channels offered first; every channel stays selectable. */
export const MANUAL_CHANNELS: readonly Channel[] = ['phone', 'walk_in', 'letter', 'fax'];

const fieldId = (path: string) => `cd-${path.replace(/\./g, '-')}`;

type Errors = Record<string, string>;

function numberOrUndefined(raw: string): number | undefined | 'invalid' {
  const s = raw.trim();
  if (!s) return undefined;
  const n = Number(s.replace(/[,，\s]/g, ''));
  return Number.isFinite(n) ? n : 'invalid';
}

// Fetched after the first render (ui/later.tsx › useLater): the form shows at once, the parts
// that read the clip or assess it follow; registering reports a failed fetch.

// The preview folds the log with the whole workflow and assesses severity (the default text
// rules, fetched); the proposals read the clip with shared/extract (libphonenumber).
const loadPreview = () =>
  Promise.all([import('./preview'), textRulesReady()]).then(([m]) => m.previewDraft);
const loadProposals = () => import('./detail-proposals').then((m) => m.DetailProposals);

/**
 * The shared rules' messages speak to the customer (the web form: "your name", "reach you");
 * in this form the agent records someone else's complaint, so those are said about the
 * complainant instead.
 */
const STAFF_WORDING: Partial<Record<string, string>> = {
  'validation.nameRequired': 'ext.validation.nameRequired',
  'validation.contactRequired': 'ext.validation.contactRequired',
};

/** The registration form: prefilled from the clip, saved on every change, registered with the shared rules. */
export function RegisterForm(props: {
  db: ComplaintDb;
  complaintId: string;
  manual: boolean;
  actor: Actor;
  locale: Locale;
  t: T;
  /** Named in the on-call alert (options page). */
  onCallContact?: string;
}) {
  const { db, complaintId, t, locale, actor } = props;
  const onCall = onCallContact(props.onCallContact);
  const { draft, setDraft, saveState, needsReview, reviewFields, flush } = useDraft(
    db,
    { complaintId, manual: props.manual },
    actor,
  );
  const log = useLive(() => eventsOf(db, complaintId), [complaintId], []);
  const row = useLive(() => db.complaints.get(complaintId), [complaintId], undefined);
  const [errors, setErrors] = useState<Errors>({});
  const [summary, setSummary] = useState<{ id?: string; label?: string; message: string }[]>([]);
  const [raw, setRaw] = useState<{ amount?: string; headcount?: string }>({});
  const [busy, setBusy] = useState(false);
  const [alerts, setAlerts] = useState<string[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  // After Register, focus moves to the heading that names the case, so it is read out; the
  // heading follows the case's number as it is now (provisional, then the server's).
  const doneRef = useRef<HTMLHeadingElement>(null);
  const [justRegistered, setJustRegistered] = useState(false);
  const done = row !== undefined && row.status !== 'draft';
  useEffect(() => {
    if (justRegistered && done) doneRef.current?.focus();
  }, [justRegistered, done]);
  // Shown once it can be assessed with every rule, never a level assessed without them.
  const previewDraft = useLater(loadPreview);
  const DetailProposals = useLater(loadProposals);
  const preview = useMemo(
    () => (draft && previewDraft ? previewDraft(log, draft, actor, new Date()) : undefined),
    [draft, log, actor, previewDraft],
  );

  if (!draft) return <p aria-busy="true" />;
  if (row && done) {
    return (
      <section aria-labelledby="cd-done-h">
        {alerts.length > 0 && (
          <div class="cd-alert" role="alert">
            {alerts.map((a) => (
              <p key={a}>{a}</p>
            ))}
          </div>
        )}
        <h2 id="cd-done-h" ref={doneRef} tabIndex={-1}>
          {/* This device's number is provisional until the team server numbers the case: shown
              marked, never in the shape of a server number (which may belong to another case). */}
          {row.caseNumber
            ? t('ext.panel.registered', {
                caseNumber: caseNumberLabel(locale, row.caseNumber, row.caseNumberIssuer),
              })
            : t(`status.${row.status}`)}
        </h2>
        <p>
          {t('ext.panel.status')}
          {labelColon(locale)}
          {t(`status.${row.status}`)} · {t(`severity.${row.severity}`)}
        </p>
      </section>
    );
  }

  const c = draft.complainant ?? { anonymous: false };
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const setC = (patch: Partial<NonNullable<Draft['complainant']>>) =>
    set({ complainant: { ...c, ...patch } });
  const err = (path: string) => errors[path];
  const channel = draft.channel ?? 'other';
  const needsReadBack = READ_BACK_CHANNELS.includes(channel);
  const currency = draft.amountClaimed?.currency ?? activePolicy().currency;
  const orderedChannels = [
    ...MANUAL_CHANNELS,
    ...CHANNELS.filter((ch) => !MANUAL_CHANNELS.includes(ch)),
  ];

  /** Each field's label by error path, in the form's order (the error summary's order). */
  const fieldLabels = (): Record<string, string> => ({
    channel: t('ext.panel.channel'),
    complainant: t('ext.field.complainant'),
    'complainant.anonymous': t('ext.field.anonymous'),
    'complainant.name': t('ext.field.name'),
    'complainant.phone': t('form.phone'),
    'complainant.email': t('form.email'),
    'complainant.address': t('form.address'),
    subject: t('form.subject'),
    description: t('ext.field.description'),
    demand: t('ext.field.demand'),
    category: t('form.category'),
    amountClaimed: t('form.amount', { currency: currencyName(currency, locale) }),
    'amountClaimed.value': t('form.amount', { currency: currencyName(currency, locale) }),
    headcount: t('form.headcount'),
    readBackConfirmedAt: t('ext.panel.readBackConfirm'),
  });

  async function register(e: Event) {
    e.preventDefault();
    if (!draft) return;
    setBusy(true);
    await flush();
    const { registerComplaint } = await import('./register');
    const result = await registerComplaint(db, {
      complaintId,
      draft,
      actor,
      now: new Date(),
      eventId: crypto.randomUUID(),
    });
    setBusy(false);
    if (result.ok) {
      setErrors({});
      setSummary([]);
      // The workflow returns effects; the shell performs them (here: tell the agent, now).
      const next: string[] = [];
      if (result.effects.some((e) => e.type === 'alertOnCall')) {
        next.push(t('ext.panel.alertOnCall', { contact: onCall }));
      }
      // Worded for the role: an agent tells the supervisor; a lead (who acts on every case,
      // policy.caseAccess) is the one to assign and act, so is told that instead.
      if (result.effects.some((e) => e.type === 'alertSevere'))
        next.push(
          t(
            activePolicy().caseAccess.anyCase.includes(actor.role)
              ? 'ext.panel.alertSevereLead'
              : 'ext.panel.alertSevere',
          ),
        );
      setAlerts(next);
      setJustRegistered(true);
      return;
    }
    if ('errors' in result) {
      const next: Errors = {};
      for (const e of result.errors)
        next[e.path] ??= tKey(locale, STAFF_WORDING[e.key] ?? e.key, e.params);
      setErrors(next);
      const labels = fieldLabels();
      const order = Object.keys(labels);
      const rank = (path: string) => (order.includes(path) ? order.indexOf(path) : order.length);
      setSummary(
        Object.entries(next)
          .sort(([a], [b]) => rank(a) - rank(b))
          .map(([path, message]) => ({ id: fieldId(path), label: labels[path], message })),
      );
    } else {
      setSummary([{ message: tKey(locale, result.reason) }]);
    }
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  return (
    <form onSubmit={register} noValidate class="cd-register" aria-labelledby="cd-form-h">
      <h2 id="cd-form-h">{t('ext.panel.details')}</h2>
      {needsReview && (
        <p class="cd-notice" role="status">
          {t('ext.panel.reviewNotice')}
        </p>
      )}
      {summary.length > 0 && (
        <ErrorSummary
          title={t('validation.summary', { count: summary.length })}
          items={summary}
          summaryRef={summaryRef}
        />
      )}
      {draft.source && (
        <ClipSourceView
          source={draft.source}
          t={t}
          locale={locale}
          timeZone={activePolicy().calendar.timeZone}
        />
      )}
      <ReviewNotice fields={reviewFields} locale={locale} t={t} />
      <ScreenshotEditor
        db={db}
        complaintId={complaintId}
        t={t}
        onRemoved={(id) => set({ attachments: draft.attachments?.filter((a) => a.id !== id) })}
      />
      {draft.source && DetailProposals && (
        <DetailProposals
          draft={draft}
          locale={locale}
          currency={currency}
          timeZone={activePolicy().calendar.timeZone}
          t={t}
          onApply={(next) => {
            setRaw({});
            setDraft(next);
          }}
        />
      )}
      <Select
        id="cd-channel"
        label={t('ext.panel.channel')}
        value={channel}
        error={err('channel')}
        options={orderedChannels.map((ch) => ({ value: ch, label: t(`channel.${ch}`) }))}
        onValue={(v) => set({ channel: v as Channel })}
      />
      <fieldset>
        <legend>{t('ext.field.complainant')}</legend>
        <Checkbox
          id="cd-complainant-anonymous"
          label={t('ext.field.anonymous')}
          checked={c.anonymous ?? false}
          onChecked={(v) => setC({ anonymous: v })}
        />
        <TextInput
          id="cd-complainant-name"
          label={t('ext.field.name')}
          hint={t('form.name.hint')}
          value={c.name ?? ''}
          error={err('complainant.name')}
          onValue={(v) => setC({ name: v || undefined })}
        />
        <TextInput
          id="cd-complainant-phone"
          type="tel"
          label={t('form.phone')}
          value={c.phone ?? ''}
          error={err('complainant.phone')}
          onValue={(v) => setC({ phone: v || undefined })}
          autocomplete="off"
        />
        <TextInput
          id="cd-complainant-email"
          type="email"
          label={t('form.email')}
          value={c.email ?? ''}
          error={err('complainant.email')}
          onValue={(v) => setC({ email: v || undefined })}
          autocomplete="off"
        />
        <TextInput
          id="cd-complainant-address"
          label={t('form.address')}
          value={c.address ?? ''}
          error={err('complainant.address')}
          onValue={(v) => setC({ address: v || undefined })}
          autocomplete="off"
        />
      </fieldset>
      <TextInput
        id="cd-subject"
        label={t('form.subject')}
        optional={t('form.optional')}
        value={draft.subject ?? ''}
        error={err('subject')}
        onValue={(v) => set({ subject: v || undefined })}
      />
      <TextArea
        id="cd-description"
        label={t('ext.field.description')}
        value={draft.description ?? ''}
        error={err('description')}
        rows={6}
        onValue={(v) => set({ description: v || undefined })}
      />
      <TextArea
        id="cd-demand"
        label={t('ext.field.demand')}
        hint={t('ext.field.demandHint')}
        value={draft.demand ?? ''}
        error={err('demand')}
        rows={2}
        onValue={(v) => set({ demand: v || undefined })}
      />
      <Select
        id="cd-category"
        label={t('form.category')}
        optional={t('form.optional')}
        placeholder={t('form.category.none')}
        value={draft.category ?? ''}
        error={err('category')}
        options={activePolicy().categories.map((cat) => ({
          value: cat.code,
          label: cat.labels?.[locale] ?? tKey(locale, `category.${cat.code}`),
        }))}
        onValue={(v) => set({ category: v || undefined })}
      />
      <TextInput
        id="cd-amountClaimed"
        label={t('form.amount', { currency: currencyName(currency, locale) })}
        optional={t('form.optional')}
        inputMode="decimal"
        value={raw.amount ?? (draft.amountClaimed ? String(draft.amountClaimed.value) : '')}
        error={err('amountClaimed') ?? err('amountClaimed.value')}
        onValue={(v) => {
          setRaw({ ...raw, amount: v });
          const n = numberOrUndefined(v);
          if (n !== 'invalid')
            set({ amountClaimed: n === undefined ? undefined : { value: n, currency } });
        }}
      />
      <TextInput
        id="cd-headcount"
        label={t('form.headcount')}
        optional={t('form.optional')}
        inputMode="numeric"
        value={raw.headcount ?? (draft.headcount !== undefined ? String(draft.headcount) : '')}
        error={err('headcount')}
        onValue={(v) => {
          setRaw({ ...raw, headcount: v });
          const n = numberOrUndefined(v);
          if (n !== 'invalid') set({ headcount: n });
        }}
      />
      <Checkbox
        id="cd-urgent"
        label={t('ext.panel.urgent')}
        checked={draft.urgent ?? false}
        onChecked={(v) => set({ urgent: v || undefined })}
      />
      {needsReadBack && (
        <fieldset>
          <legend>{t('ext.panel.readBack')}</legend>
          <p class="cd-help">{t('ext.panel.readBackHelp')}</p>
          <ReadBackSummary draft={draft} t={t} />
          <Checkbox
            id="cd-readBackConfirmedAt"
            label={t('ext.panel.readBackConfirm')}
            checked={Boolean(draft.readBackConfirmedAt)}
            error={err('readBackConfirmedAt')}
            onChecked={(v) =>
              set({ readBackConfirmedAt: v ? new Date().toISOString() : undefined })
            }
          />
        </fieldset>
      )}
      {preview && <LivePreview preview={preview} t={t} locale={locale} onCallContact={onCall} />}
      {draft.source && <WrongCapture draft={draft} t={t} locale={locale} />}
      <p class="cd-row">
        <button type="submit" class="cd-primary" disabled={busy} id="cd-register">
          {t('ext.panel.register')}
        </button>
        <span role="status" class={saveState === 'error' ? 'cd-error' : 'cd-help'}>
          {saveState === 'saving'
            ? t('ext.panel.saving')
            : saveState === 'saved'
              ? t('ext.panel.saved')
              : saveState === 'error'
                ? t('ext.panel.saveFailed')
                : ''}
        </span>
      </p>
    </form>
  );
}

/** What the agent reads back to the customer (复述): who, what, what they want. */
function ReadBackSummary(props: { draft: Draft; t: T }) {
  const { draft, t } = props;
  const c = draft.complainant;
  return (
    <dl class="cd-readback">
      <dt>{t('ext.field.name')}</dt>
      <dd>{c?.anonymous ? t('ext.field.anonymous') : c?.name || '—'}</dd>
      <dt>{t('ext.field.description')}</dt>
      <dd>{draft.description || '—'}</dd>
      <dt>{t('ext.field.demand')}</dt>
      <dd>{draft.demand || '—'}</dd>
    </dl>
  );
}
