// Their own file: the queue names codes through labels.ts without loading the monthly report.

/** Keys used when a complaint has no value for a breakdown. */
export const UNCATEGORIZED = 'uncategorized';
export const UNASSIGNED = 'unassigned';
export const UNRECORDED = 'unrecorded';
