/** Messages of shared/sla. Source catalogue. */
export const sla = {} as const;
