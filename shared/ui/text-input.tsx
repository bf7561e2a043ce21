import { type FieldProps, Field, controlAria } from './field';

export interface TextInputProps extends FieldProps {
  value: string;
  onValue: (value: string) => void;
  onBlur?: () => void;
  type?: 'text' | 'tel' | 'email' | 'url' | 'date';
  autocomplete?: string;
  inputMode?: 'text' | 'tel' | 'email' | 'numeric' | 'decimal';
  maxLength?: number;
  /** A short unit shown after the box, e.g. a currency code. */
  suffix?: string;
}

/** A one-line text box with its label, hint and error. */
export function TextInput(props: TextInputProps) {
  const input = (
    <input
      {...controlAria(props)}
      class="input"
      // Preact 11 types each input type apart; these all take the same attributes.
      type={(props.type ?? 'text') as 'text'}
      value={props.value}
      autocomplete={props.autocomplete}
      inputMode={props.inputMode}
      maxLength={props.maxLength}
      spellcheck={props.type && props.type !== 'text' ? false : undefined}
      onInput={(e) => props.onValue(e.currentTarget.value)}
      onBlur={props.onBlur}
    />
  );
  return (
    <Field {...props}>
      {props.suffix ? (
        <div class="with-suffix">
          {input}
          <span class="suffix" aria-hidden="true">
            {props.suffix}
          </span>
        </div>
      ) : (
        input
      )}
    </Field>
  );
}
