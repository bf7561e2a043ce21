// Values the first load needs from shared/schema. The build replaces this module by their
// values (widget/vite.config.ts), so the zod schemas beside them stay in the lazy chunk.
export { DEFAULT_CATEGORIES, PROFILES } from '@shared/schema/codes';
export { PROFILE_FIELDS } from '@shared/schema/fields';
export { MAX_SUBMISSION_ATTACHMENTS } from '@shared/schema/submission';
