/** Preact form pieces shared by the widget and the extension (DOM and Preact only). */
export { type CheckboxProps, Checkbox } from './checkbox';
export { type SummaryItem, ErrorSummary } from './error-summary';
export { type FieldProps, Field, controlAria, describedBy } from './field';
export { type SelectProps, Select } from './select';
export { type TextAreaProps, TextArea } from './text-area';
export { type TextInputProps, TextInput } from './text-input';
