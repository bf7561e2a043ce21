import { activePolicy, textRulesReady } from '../policy/active-policy';
import type { Policy } from '@shared/policy/policy';
import { LOCALES, type Locale } from '@shared/schema/codes';
import type { ComplaintState } from '@shared/schema/complaint';
import type { Actor } from '@shared/schema/event';
import type { FieldError } from '@shared/schema/issues';
import type { WorkflowContext } from '@shared/workflow/types';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  type CaseAction,
  type FieldSpec,
  type FormValues,
  approvalNeeded,
  formFields,
  initialValues,
  isShown,
  refusalField,
} from './actions';
import type { OnAct } from '../queue/bulk';
import type { TeamDirectory } from '../team/directory';
import { HandlerPicker } from '../team/handler-picker';
import type { Tr } from '../ui/format';
import type { QueuedReply, ReplyService } from './reply-service';
import { ReplySend } from './reply-send';
import {
  REPLY_TEMPLATES,
  type ReplyTemplate,
  customerLanguage,
  defaultTemplate,
  fillTemplate,
} from './templates';

/** Picked from the team (or typed) by the handler picker, not as two loose text fields. */
const HANDLER_FIELDS = ['handlerId', 'handlerName'];

/**
 * The form of one action: its fields, the shared schema's field errors, the workflow's refusal
 * (recusal, callback too early…) and, for a proposal, whether it will need approval. On success
 * the event goes to `onAct` and `onDone` closes the form.
 */
export function ActionForm(props: {
  type: CaseAction;
  state: ComplaintState;
  actor: Actor;
  t: Tr;
  clock: () => Date;
  newId: () => string;
  ctx: WorkflowContext;
  onAct: OnAct;
  onDone: (message: string) => void;
  onCancel: () => void;
  team?: TeamDirectory | undefined;
  /** Team mode: the server sends replies by email. */
  replies?: ReplyService | undefined;
  onReplyQueued?: (reply: QueuedReply) => void;
}) {
  const { type, state, t } = props;
  const policy: Policy = props.ctx.policy ?? activePolicy();
  const fields = formFields(type, state, policy, props.clock());
  const [values, setValues] = useState<FormValues>(() =>
    initialValues(type, state, policy, props.clock()),
  );
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [refusal, setRefusal] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [lang, setLang] = useState<Locale>(customerLanguage(state, t.locale));
  const [template, setTemplate] = useState<ReplyTemplate>(defaultTemplate(state));
  const formRef = useRef<HTMLFormElement>(null);
  const formId = `rv-act-${type}`;

  // At commit, not after paint (useEffect): a key typed right after the letter that opened the
  // form goes into its first field, not to the button that had focus.
  useLayoutEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);

  const set = (name: string, value: string | boolean) =>
    setValues((v) => ({ ...v, [name]: value }));

  /** A refusal about one field is shown at that field (e.g. the late-reply reason). */
  function refuse(reason: string, params?: Record<string, unknown>) {
    const message = t.key(reason, params);
    const field = refusalField(reason, fields, values);
    if (field) setErrors([{ path: field, code: reason, message }]);
    else setRefusal(message);
  }

  async function submit(e: Event) {
    e.preventDefault();
    await record();
  }

  /** Builds and appends the event; `extra` adds values the form does not show (a reply's route). */
  async function record(extra: FormValues = {}) {
    setErrors([]);
    setRefusal(undefined);
    // The workflow checks the event and re-assesses severity: both fetched on the first action.
    const [{ buildAction }] = await Promise.all([import('./build-action'), textRulesReady()]);
    const built = buildAction(
      type,
      { ...values, ...extra },
      {
        state,
        actor: props.actor,
        at: props.clock(),
        id: props.newId(),
        locale: t.locale,
        ctx: props.ctx,
      },
    );
    if (!built.ok) {
      if ('errors' in built) setErrors(built.errors);
      else refuse(built.refusal.reason, built.refusal.params);
      return;
    }
    setBusy(true);
    try {
      const result = await props.onAct(built.event);
      if (result.ok) props.onDone(t('review.form.saved'));
      else refuse(result.reason, result.params);
    } finally {
      setBusy(false);
    }
  }

  const errorFor = (name: string) =>
    errors
      .filter((e) => e.path === name || e.path.startsWith(`${name}.`))
      .map((e) => e.message)
      .join(' ');
  const other = errors.filter(
    (e) => !fields.some((f) => e.path === f.name || e.path.startsWith(`${f.name}.`)),
  );
  const approval = type === 'resolutionProposed' ? approvalNeeded(values, props.actor, policy) : {};
  const templateField =
    type === 'replied' ? 'message' : type === 'markedInvalid' ? 'explanation' : undefined;

  return (
    <form
      ref={formRef}
      class="rv-form"
      id={formId}
      onSubmit={submit}
      noValidate
      aria-labelledby={`${formId}-title`}
    >
      <h3 id={`${formId}-title`}>{t.key(`event.${type}`)}</h3>
      {templateField && (
        <fieldset class="rv-templates">
          <legend>{t('review.form.template')}</legend>
          <div class="cd-row">
            <div class="rv-field">
              <label for={`${formId}-tpl`}>{t('review.form.template')}</label>
              <select
                id={`${formId}-tpl`}
                value={template}
                onChange={(e) => setTemplate(e.currentTarget.value as ReplyTemplate)}
              >
                {REPLY_TEMPLATES.map((id) => (
                  <option key={id} value={id}>
                    {t.key(`review.template.${id}`)}
                  </option>
                ))}
              </select>
            </div>
            <div class="rv-field">
              <label for={`${formId}-lang`}>{t('review.form.templateLanguage')}</label>
              <select
                id={`${formId}-lang`}
                value={lang}
                onChange={(e) => setLang(e.currentTarget.value as Locale)}
              >
                {LOCALES.map((l) => (
                  <option key={l} value={l}>
                    {t.key(`locale.${l}`)}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              onClick={() => set(templateField, fillTemplate(template, lang, state))}
            >
              {t('review.form.useTemplate')}
            </button>
          </div>
        </fieldset>
      )}
      {type === 'assigned' && (
        <HandlerPicker
          id={`${formId}-handler`}
          team={props.team}
          policy={policy}
          department={typeof values.department === 'string' ? values.department : undefined}
          self={{ id: props.actor.id, name: props.actor.name }}
          value={{
            handlerId: typeof values.handlerId === 'string' ? values.handlerId : undefined,
            handlerName: typeof values.handlerName === 'string' ? values.handlerName : undefined,
          }}
          onChange={(v) =>
            setValues((old) => ({
              ...old,
              handlerId: v.handlerId ?? '',
              handlerName: v.handlerName ?? '',
              // A person picked from a department's group takes the case to that department.
              ...(v.department &&
              formFields(type, state, policy).some(
                (f) => f.name === 'department' && f.options?.includes(v.department!),
              )
                ? { department: v.department }
                : {}),
            }))
          }
          t={t}
          locale={t.locale}
          timeZone={(props.ctx.calendar ?? policy.calendar).timeZone}
        />
      )}
      {fields
        .filter((f) => isShown(f, values, fields) && !HANDLER_FIELDS.includes(f.name))
        .map((f) =>
          f.kind === 'shares' ? (
            <Shares
              key={f.name}
              spec={f}
              id={`${formId}-${f.name}`}
              values={values}
              error={errorFor(f.name)}
              t={t}
              policy={policy}
              onValue={set}
            />
          ) : (
            <Field
              key={f.name}
              spec={f}
              id={`${formId}-${f.name}`}
              value={values[f.name]}
              error={errorFor(f.name)}
              t={t}
              policy={policy}
              onValue={(v) => set(f.name, v)}
            />
          ),
        )}
      {type === 'replied' && (
        <ReplySend
          state={state}
          message={typeof values.message === 'string' ? values.message : ''}
          lang={lang}
          t={t}
          replies={props.replies}
          smsReplies={policy.notifications?.smsReplies === true}
          busy={busy}
          onQueued={(reply) => {
            props.onReplyQueued?.(reply);
            props.onDone(t('ext.reply.queued', { to: reply.to }));
          }}
          onConfirmSent={(how) => void record(how)}
        />
      )}
      {approval.role && (
        <p class="rv-hint" role="note">
          {t('review.form.approvalHint', { role: t.code('role', approval.role).toLowerCase() })}
        </p>
      )}
      {approval.beyondEveryone && <p class="cd-error">{t('review.form.beyondEveryone')}</p>}
      {(refusal || other.length > 0) && (
        <p class="cd-error" role="alert">
          {[refusal, ...other.map((e) => e.message)].filter(Boolean).join(' ')}
        </p>
      )}
      <div class="cd-row">
        <button type="submit" class="cd-primary" disabled={busy}>
          {t('review.form.submit')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('review.form.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * Responsibility shared between departments (R-SHARE-1): a percentage per department, blank for
 * none; the shared schema and workflow check them (each share above 0, together 100 %).
 */
function Shares(props: {
  spec: FieldSpec;
  id: string;
  values: FormValues;
  error: string;
  t: Tr;
  policy: Policy;
  onValue: (name: string, v: string) => void;
}) {
  const { spec, id, t, error } = props;
  return (
    <fieldset
      id={id}
      class={`rv-field rv-shares${error ? ' invalid' : ''}`}
      aria-describedby={error ? `${id}-error` : `${id}-hint`}
    >
      <legend>{t.key(spec.label)}</legend>
      <p id={`${id}-hint`} class="rv-hint">
        {t('review.form.sharesHint')}
      </p>
      {error && (
        <p id={`${id}-error`} class="rv-field-error">
          {error}
        </p>
      )}
      <div class="cd-row">
        {(spec.options ?? []).map((code) => {
          const name = `share.${code}`;
          const value = props.values[name];
          return (
            <div class="rv-field" key={code}>
              <label for={`${id}-${code}`}>{t.code('department', code, props.policy)}</label>
              <input
                id={`${id}-${code}`}
                name={name}
                type="number"
                min={0}
                max={100}
                step="any"
                inputMode="decimal"
                aria-invalid={error ? 'true' : undefined}
                value={typeof value === 'string' ? value : ''}
                onInput={(e) => props.onValue(name, e.currentTarget.value)}
              />
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

function Field(props: {
  spec: FieldSpec;
  id: string;
  value: string | boolean | undefined;
  error: string;
  t: Tr;
  policy: Policy;
  onValue: (v: string | boolean) => void;
}) {
  const { spec, id, t, error } = props;
  const label = t.key(spec.label);
  const aria = {
    id,
    name: spec.name,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    'aria-required': spec.required ? ('true' as const) : undefined,
  };
  const err = error ? (
    <p id={`${id}-error`} class="rv-field-error">
      {error}
    </p>
  ) : null;
  if (spec.kind === 'checkbox') {
    return (
      <div class="rv-field">
        <label class="cd-check">
          <input
            type="checkbox"
            {...aria}
            checked={props.value === true}
            onChange={(e) => props.onValue(e.currentTarget.checked)}
          />
          {label}
        </label>
        {err}
      </div>
    );
  }
  const value = typeof props.value === 'string' ? props.value : '';
  let control: preact.JSX.Element;
  if (spec.kind === 'select') {
    const kind = spec.optionPrefix?.slice(0, -1) as Parameters<Tr['code']>[0] | undefined;
    control = (
      <select {...aria} value={value} onChange={(e) => props.onValue(e.currentTarget.value)}>
        {!spec.required && <option value="">{t('review.form.choose')}</option>}
        {(spec.options ?? []).map((o) => (
          <option key={o} value={o}>
            {kind ? t.code(kind, o, props.policy) : o}
          </option>
        ))}
      </select>
    );
  } else if (spec.kind === 'textarea') {
    control = (
      <textarea
        {...aria}
        rows={3}
        value={value}
        onInput={(e) => props.onValue(e.currentTarget.value)}
      />
    );
  } else {
    const onInput = (e: { currentTarget: HTMLInputElement }) =>
      props.onValue(e.currentTarget.value);
    control =
      spec.kind === 'number' ? (
        <input
          {...aria}
          type="number"
          min={0}
          inputMode="decimal"
          value={value}
          onInput={onInput}
        />
      ) : spec.kind === 'datetime' ? (
        <input {...aria} type="datetime-local" value={value} onInput={onInput} />
      ) : (
        <input {...aria} type="text" value={value} onInput={onInput} />
      );
  }
  return (
    <div class={`rv-field${error ? ' invalid' : ''}`}>
      <label for={id}>
        {label}
        {spec.required && <span aria-hidden="true"> *</span>}
      </label>
      {err}
      {control}
    </div>
  );
}
