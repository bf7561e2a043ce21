/** Messages of shared/widget. Source catalogue. */
export const widget = {} as const;
