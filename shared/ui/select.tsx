import { type FieldProps, Field, controlAria } from './field';

export interface SelectProps extends FieldProps {
  value: string;
  onValue: (value: string) => void;
  onBlur?: () => void;
  options: readonly { value: string; label: string }[];
  /** Label of the empty first option ("Choose…"); omit to force a choice. */
  placeholder?: string;
}

/** A drop-down list with its label, hint and error. */
export function Select(props: SelectProps) {
  return (
    <Field {...props}>
      <select
        {...controlAria(props)}
        class="input"
        value={props.value}
        onChange={(e) => props.onValue(e.currentTarget.value)}
        onBlur={props.onBlur}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
