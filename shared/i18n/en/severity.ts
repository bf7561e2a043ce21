/** Messages of shared/severity. Source catalogue. */
export const severity = {} as const;
