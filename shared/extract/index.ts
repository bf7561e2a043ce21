/** Details read out of free text (zh + en): one implementation for capture and severity. */
export { extractDetails } from './extract-details';
export type { DetailKind, DetailProposal, ExtractOptions } from './types';
