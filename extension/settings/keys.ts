/**
 * Where extension storage keeps the settings and the organisation's policy. Their own file:
 * popup-start.js reads both (with the queue's filters) before the popup's modules arrive, and
 * must not bundle settings.ts or stored-policy.ts (the default policy came with them).
 */
export const SETTINGS_KEY = 'settings';
export const POLICY_KEY = 'orgPolicy';
