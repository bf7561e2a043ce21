/** Messages of shared/validation. Source catalogue. */
export const validation = {} as const;
