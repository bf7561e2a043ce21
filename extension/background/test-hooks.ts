/**
 * True in the browser tests' build (`wxt build --mode e2e`) and under vitest (`test`); Vite
 * replaces `import.meta.env.MODE` at build time, so a production build drops every branch this
 * guards (extension/size.test.ts and test/e2e/firefox.test.ts grep the output for the hooks).
 */
export const TEST_HOOKS: boolean =
  (import.meta as unknown as { env: { MODE: string } }).env.MODE === 'e2e' ||
  (import.meta as unknown as { env: { MODE: string } }).env.MODE === 'test';
