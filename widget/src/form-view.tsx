import type { Locale, Profile } from '@shared/schema/codes';
import {
  Checkbox,
  ErrorSummary,
  Field,
  Select,
  TextArea,
  TextInput,
  controlAria,
} from '@shared/ui';
import type { Ref } from 'preact';
import { t, tKey } from './i18n';
import type { PreparedImage } from './images';
import { type Errors, type Msg, render } from './messages';
import { MAX_SUBMISSION_ATTACHMENTS, PROFILE_FIELDS } from './schema-constants';

export interface FormViewProps {
  locale: Locale;
  profile?: Profile | undefined;
  categories: readonly string[];
  currency: string;
  values: Record<string, string>;
  anonymous: boolean;
  images: readonly PreparedImage[];
  imagesBusy: boolean;
  errors: Errors;
  showSummary: boolean;
  notice: Msg | null;
  summaryRef: Ref<HTMLDivElement>;
  headingRef: Ref<HTMLHeadingElement>;
  onValue: (name: string, value: string) => void;
  onBlur: (name: string) => void;
  onAnonymous: (anonymous: boolean) => void;
  onHoneypot: (value: string) => void;
  onImages: (files: File[]) => void;
  onRemoveImage: (index: number) => void;
  onReview: () => void;
}

const NUMERIC = new Set(['quantity', 'defectiveQuantity']);

/** Name of the hidden field only bots fill in. */
export const HONEYPOT = 'website';

/** The form itself: about you, the complaint, profile details, images. */
export function FormView(p: FormViewProps) {
  const { locale: l, errors, values } = p;
  const error = (name: string) => errors[name] && render(l, errors[name]);
  const optional = t(l, 'form.optional');
  const profileFields: readonly string[] = p.profile ? PROFILE_FIELDS[p.profile] : [];
  // Every field's label key is `form.<name>`, but for the images and the profile fields.
  const label = (name: string) =>
    name === 'images'
      ? t(l, 'form.attachments')
      : tKey(l, profileFields.includes(name) ? `form.profile.${name}` : `form.${name}`, {
          currency: p.currency,
        });
  const text = (name: string, hint?: string) => ({
    id: name,
    label: label(name),
    hint,
    error: error(name),
    value: values[name] ?? '',
    onValue: (v: string) => p.onValue(name, v),
    onBlur: () => p.onBlur(name),
  });
  const order = [
    ...(p.anonymous ? ['anonymous'] : ['name', 'anonymous', 'phone', 'email', 'address']),
    ...['category', 'subject', 'description', 'demand', 'amount', 'headcount'],
    ...profileFields,
    'images',
  ];
  const shown = new Set(order);
  const imagesField = {
    id: 'images',
    label: label('images'),
    hint: t(l, 'form.attachments.hint', { max: MAX_SUBMISSION_ATTACHMENTS }),
    error: error('images'),
  };
  const problems = [
    ...order.filter((f) => errors[f]).map((f) => ({ id: f, label: label(f), message: error(f)! })),
    ...Object.keys(errors)
      .filter((f) => !shown.has(f))
      .map((f) => ({ id: undefined, message: error(f)! })),
  ];

  return (
    <>
      <h2 id="title" ref={p.headingRef} tabIndex={-1}>
        {t(l, 'widget.title')}
      </h2>
      <p class="intro">{t(l, 'widget.intro')}</p>
      {p.showSummary && problems.length > 0 && (
        <ErrorSummary
          title={tKey(l, 'validation.summary', { count: problems.length })}
          items={problems}
          summaryRef={p.summaryRef}
        />
      )}
      {p.notice && (
        <p class="notice" role="alert">
          {render(l, p.notice)}
        </p>
      )}
      <form
        part="form"
        aria-labelledby="title"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          p.onReview();
        }}
      >
        <fieldset>
          <legend>{t(l, 'form.section.you')}</legend>
          {!p.anonymous && (
            <TextInput {...text('name', t(l, 'form.name.hint'))} autocomplete="name" />
          )}
          <Checkbox
            id="anonymous"
            label={t(l, 'form.anonymous')}
            hint={t(l, 'form.anonymous.hint')}
            error={error('anonymous')}
            checked={p.anonymous}
            onChecked={p.onAnonymous}
          />
          {!p.anonymous && (
            <>
              <p class="group-hint">{t(l, 'form.contact.hint')}</p>
              <div class="grid">
                <TextInput {...text('phone')} type="tel" autocomplete="tel" inputMode="tel" />
                <TextInput {...text('email')} type="email" autocomplete="email" inputMode="email" />
              </div>
              <TextArea {...text('address')} rows={2} autocomplete="street-address" />
            </>
          )}
        </fieldset>

        <fieldset>
          <legend>{t(l, 'form.section.complaint')}</legend>
          <div class="grid">
            <Select
              {...text('category')}
              optional={optional}
              placeholder={t(l, 'form.category.none')}
              options={p.categories.map((c) => ({ value: c, label: tKey(l, `category.${c}`) }))}
            />
            <TextInput {...text('subject')} optional={optional} maxLength={200} />
          </div>
          <TextArea {...text('description', t(l, 'form.description.hint'))} rows={6} />
          <TextArea {...text('demand', t(l, 'form.demand.hint'))} rows={2} />
          <div class="grid">
            <TextInput
              {...text('amount', t(l, 'form.amount.hint'))}
              optional={optional}
              inputMode="decimal"
              suffix={p.currency}
            />
            <TextInput
              {...text('headcount', t(l, 'form.headcount.hint'))}
              optional={optional}
              inputMode="numeric"
            />
          </div>
        </fieldset>

        {p.profile && (
          <fieldset>
            <legend>{tKey(l, `profile.${p.profile}`)}</legend>
            <div class="grid">
              {profileFields.map((f) => (
                <TextInput
                  key={f}
                  {...text(f)}
                  optional={optional}
                  inputMode={NUMERIC.has(f) ? 'numeric' : undefined}
                  type={f === 'deliveryDate' ? 'date' : 'text'}
                />
              ))}
            </div>
          </fieldset>
        )}

        <Field {...imagesField} optional={optional}>
          <div class="picker">
            {/* The native button's text follows the browser's language, not the form's: hidden, with
                a label styled as a button in its place (still one Tab stop, Space/Enter open it). */}
            <input
              {...controlAria(imagesField)}
              class="vh"
              type="file"
              accept="image/*"
              multiple
              onChange={(e) => {
                p.onImages([...(e.currentTarget.files ?? [])]);
                e.currentTarget.value = '';
              }}
            />
            <label for="images" class="button secondary" part="button">
              {t(l, 'widget.image.add')}
            </label>
          </div>
          {p.imagesBusy && (
            <p class="hint" role="status">
              {t(l, 'widget.image.working')}
            </p>
          )}
          {p.images.length > 0 && (
            <ul class="files">
              {p.images.map((img, i) => (
                <li key={img.dataUrl.slice(-32) + i}>
                  <span>
                    {img.name} <small>{Math.max(1, Math.round(img.size / 1024))} KB</small>
                  </span>
                  <button
                    type="button"
                    class="link"
                    aria-label={t(l, 'widget.image.remove', { name: img.name })}
                    onClick={() => p.onRemoveImage(i)}
                  >
                    ✕
                  </button>
                </li>
              ))}
            </ul>
          )}
        </Field>

        <div class="hp" aria-hidden="true">
          <label for={HONEYPOT}>{t(l, 'widget.honeypot')}</label>
          <input
            id={HONEYPOT}
            name={HONEYPOT}
            tabIndex={-1}
            autocomplete="off"
            onInput={(e) => p.onHoneypot(e.currentTarget.value)}
          />
        </div>

        <div class="actions">
          <button type="submit" class="primary" part="submit">
            {t(l, 'widget.review')}
          </button>
        </div>
      </form>
    </>
  );
}
