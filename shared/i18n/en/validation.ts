/** Validation messages (keys used by shared/schema). Source catalogue. */
export const validation = {
  'validation.required': 'This field is required.',
  'validation.invalid': 'This value is not valid.',
  'validation.invalidType': 'This value has the wrong type.',
  'validation.choice': 'Choose one of the offered options.',
  'validation.unknownField': 'This field is not expected.',
  'validation.tooShort': (p: { min?: number }) =>
    p.min === 1 ? 'This field is required.' : `Please enter at least ${p.min} characters.`,
  'validation.tooLong': (p: { max?: number }) => `Please keep this under ${p.max} characters.`,
  'validation.min': (p: { min?: number }) => `The value must be at least ${p.min}.`,
  'validation.max': (p: { max?: number }) => `The value must be at most ${p.max}.`,
  'validation.integer': 'Please enter a whole number.',
  'validation.phone': 'Enter a phone number such as 13812345678, 010-12345678 or +44 20 7946 0958.',
  'validation.email': 'Enter an email address such as name@example.com.',
  'validation.nameRequired':
    'Please give your name (a surname is enough), or choose to complain anonymously.',
  'validation.contactRequired': 'Give at least one way to reach you: phone, email or address.',
  'validation.readBackRequired':
    'Read the complaint back to the customer and record their confirmation.',
  'validation.confirm': 'Please confirm the summary before sending.',
  'validation.uuid': 'The submission id is not valid.',
  'validation.site': 'The site key is not valid.',
  'validation.category': 'Choose a category from the list.',
  'validation.currency': 'Use a three-letter currency code such as CNY.',
  'validation.datetime': 'Enter a valid date and time.',
  'validation.fileType': 'This file type is not accepted.',
  'validation.fileTooLarge': 'This file is too large.',
  'validation.tooManyFiles': (p: { max?: number }) => `Attach at most ${p.max} files.`,
  'validation.summary': (p: { count: number }) =>
    p.count === 1 ? 'There is 1 problem to fix:' : `There are ${p.count} problems to fix:`,
} as const;
