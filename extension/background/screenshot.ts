import { browser } from 'wxt/browser';
import type { CaptureRequest, TabInfo } from './capture-types';

export const SCREENSHOT_MAX_WIDTH = 1280;
export const SCREENSHOT_QUALITY = 0.6;

/** The visible tab as a downscaled JPEG (activeTab grants it right after a user gesture). */
export async function screenshotTab(
  tab: TabInfo,
  request: CaptureRequest,
  enabled: boolean,
): Promise<Blob | undefined> {
  if (!(request.screenshot ?? enabled)) return undefined;
  const dataUrl = await browser.tabs.captureVisibleTab(
    tab.windowId ?? browser.windows.WINDOW_ID_CURRENT,
    {
      format: 'jpeg',
      quality: 80,
    },
  );
  const original = await (await fetch(dataUrl)).blob();
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas === 'undefined')
    return original;
  const bitmap = await createImageBitmap(original);
  const scale = Math.min(1, SCREENSHOT_MAX_WIDTH / bitmap.width);
  const canvas = new OffscreenCanvas(
    Math.round(bitmap.width * scale),
    Math.round(bitmap.height * scale),
  );
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const small = await canvas.convertToBlob({ type: 'image/jpeg', quality: SCREENSHOT_QUALITY });
  return small.size < original.size ? small : original;
}
