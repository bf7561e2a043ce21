// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MessageError, onMessages } from '../messaging';
import { mountClipButton } from './webmail-button';

vi.mock('wxt/browser', async () => ({
  browser: (await import('wxt/testing/fake-browser')).fakeBrowser,
}));

const ZH = {
  clip: '摘录此邮件',
  clipped: '已摘录到投诉队列',
  notClipped: '未能摘录：请打开扩展查看详情',
};

/** The button's closed shadow root, caught as it is attached (a page's scripts cannot reach it). */
function catchRoot(): () => ShadowRoot {
  let root: ShadowRoot | undefined;
  const attach = HTMLElement.prototype.attachShadow;
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (
    this: HTMLElement,
    init: ShadowRootInit,
  ) {
    root = attach.call(this, init);
    return root;
  });
  return () => root!;
}

beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '';
  document.getElementById('complaint-desk-clip')?.remove();
});
afterEach(() => vi.restoreAllMocks());

describe('the webmail "Clip this email" button', () => {
  it('speaks the language the background answers with, and says when the clip is queued', async () => {
    const root = catchRoot();
    const clipped = vi.fn(async () => ({ complaintId: 'c-1', eventId: 'e-1' }));
    onMessages({ 'capture.request': clipped as never });
    const host = await mountClipButton(document, Promise.resolve(ZH));
    expect(host?.isConnected).toBe(true);
    const button = root().querySelector('button')!;
    expect(button.textContent).toBe('摘录此邮件');
    button.click();
    await vi.waitFor(() =>
      expect(root().querySelector('[role=status]')?.textContent).toBe(ZH.clipped),
    );
    expect(clipped).toHaveBeenCalledWith({ trigger: 'webmail-button' }, expect.anything());
    // Once per page.
    expect(await mountClipButton(document, Promise.resolve(ZH))).toBeUndefined();
  });

  it('says it was not clipped when the background refuses', async () => {
    const root = catchRoot();
    onMessages({
      'capture.request': () => {
        throw new MessageError('ext.error.storageFull');
      },
    });
    await mountClipButton(document, Promise.resolve(ZH));
    root().querySelector('button')!.click();
    await vi.waitFor(() =>
      expect(root().querySelector('[role=status]')?.textContent).toBe(ZH.notClipped),
    );
    expect(root().querySelector('button')!.disabled).toBe(false);
  });

  it('shows no button when the extension does not answer (reloaded or removed)', async () => {
    expect(await mountClipButton(document, Promise.reject(new Error('gone')))).toBeUndefined();
    expect(document.getElementById('complaint-desk-clip')).toBeNull();
  });

  it('asks the background for its words', async () => {
    const root = catchRoot();
    onMessages({ 'webmail.labels': async () => ZH });
    await mountClipButton(document);
    expect(root().querySelector('button')?.textContent).toBe(ZH.clip);
  });
});
