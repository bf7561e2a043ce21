import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * What WxtVitest's extensionApiMock does, for this repo's single vitest config: `wxt/browser`
 * resolves to the in-memory fake. Use with `vi.mock('wxt/browser', () => fakeBrowserModule())`.
 */
export function fakeBrowserModule() {
  return { browser: fakeBrowser };
}
export { fakeBrowser };
