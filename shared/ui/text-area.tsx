import { type FieldProps, Field, controlAria } from './field';

export interface TextAreaProps extends FieldProps {
  value: string;
  onValue: (value: string) => void;
  onBlur?: () => void;
  rows?: number;
  maxLength?: number;
  autocomplete?: string;
}

/** A multi-line text box with its label, hint and error. */
export function TextArea(props: TextAreaProps) {
  return (
    <Field {...props}>
      <textarea
        {...controlAria(props)}
        class="input"
        rows={props.rows ?? 4}
        value={props.value}
        maxLength={props.maxLength}
        autocomplete={props.autocomplete}
        onInput={(e) => props.onValue(e.currentTarget.value)}
        onBlur={props.onBlur}
      />
    </Field>
  );
}
