/** Where the visitor is in the form: its own file so app.tsx and journey.tsx both name it
 * without importing each other. */
export type Step = 'edit' | 'review' | 'sending' | 'queued' | 'done';
