/** Messages of shared/form. Source catalogue. */
export const form = {} as const;
