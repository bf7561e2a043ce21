import { type FieldProps, controlAria } from './field';

export interface CheckboxProps extends FieldProps {
  checked: boolean;
  onChecked: (checked: boolean) => void;
}

/** A checkbox with its label beside it and an optional hint below. */
export function Checkbox(props: CheckboxProps) {
  const { id, label, hint, error } = props;
  return (
    <div class={`field check${error ? ' invalid' : ''}`} part="field">
      {error && (
        <p id={`${id}-error`} class="error" part="error">
          {error}
        </p>
      )}
      <input
        {...controlAria(props)}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChecked(e.currentTarget.checked)}
      />
      <label for={id} part="label">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} class="hint" part="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
