/** Messages of shared/workflow. Source catalogue. */
export const workflow = {} as const;
