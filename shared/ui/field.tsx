import type { ComponentChildren } from 'preact';
import { afterLabel } from '../i18n/punctuation';

/** What every labelled control shows around itself. */
export interface FieldProps {
  /** The control's id; its hint and error get `${id}-hint` / `${id}-error`. */
  id: string;
  label: string;
  hint?: string | undefined;
  /** A translated message; present means the control is invalid. */
  error?: string | undefined;
  /** Text after the label for optional fields, e.g. "(optional)". */
  optional?: string | undefined;
}

/** The `aria-describedby` value for a control: its hint, then its error. */
export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** The ARIA attributes a control inside a `Field` needs. */
export function controlAria({ id, hint, error }: FieldProps) {
  return {
    id,
    name: id,
    'aria-describedby': describedBy(id, hint, error),
    'aria-invalid': error ? ('true' as const) : undefined,
    part: 'input',
  };
}

/** Label, hint and error around one control (GOV.UK order: the error sits above the control). */
export function Field(props: FieldProps & { children: ComponentChildren; class?: string }) {
  const { id, label, hint, error, optional } = props;
  return (
    <div
      class={`field${error ? ' invalid' : ''}${props.class ? ` ${props.class}` : ''}`}
      part="field"
    >
      <label for={id} part="label">
        {label}
        {optional && <span class="optional">{afterLabel(optional)}</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} class="hint" part="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="error" part="error">
          {error}
        </p>
      )}
      {props.children}
    </div>
  );
}
