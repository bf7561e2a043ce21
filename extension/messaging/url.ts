import { browser } from 'wxt/browser';

/** An extension URL; `getURL`'s path type comes from WXT's generated types, which we do not depend on. */
export function extensionUrl(path: string): string {
  return (browser.runtime as unknown as { getURL(p: string): string }).getURL(path);
}
