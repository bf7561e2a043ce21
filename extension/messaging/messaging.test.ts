import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MessageError, onMessages, sendMessage } from './index';

vi.mock('wxt/browser', async () => ({
  browser: (await import('wxt/testing/fake-browser')).fakeBrowser,
}));

beforeEach(() => fakeBrowser.reset());

describe('typed messaging', () => {
  it('round-trips a request to the context that handles it', async () => {
    onMessages({ 'queue.status': async () => ({ failed: 2, inFlight: 1 }) });
    await expect(sendMessage('queue.status', {})).resolves.toEqual({ failed: 2, inFlight: 1 });
  });

  it('carries a handler failure back as its message key', async () => {
    onMessages({
      'capture.request': () => {
        throw new MessageError('ext.error.storageFull');
      },
    });
    await expect(sendMessage('capture.request', { trigger: 'popup' })).rejects.toMatchObject({
      reason: 'ext.error.storageFull',
    });
  });

  it('says so when nobody handles the message (e.g. the worker is restarting)', async () => {
    onMessages({ 'queue.status': async () => ({ failed: 0, inFlight: 0 }) });
    await expect(sendMessage('panel.open', {})).rejects.toMatchObject({
      reason: 'ext.error.noReceiver',
    });
  });

  it('keeps the channel open with sendResponse where the browser passes one', async () => {
    let listener: ((m: unknown, s: unknown, r: unknown) => unknown) | undefined;
    vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementationOnce(((
      l: typeof listener,
    ) => {
      listener = l;
    }) as never);
    onMessages({ 'queue.status': async () => ({ failed: 0, inFlight: 0 }) });
    const sendResponse = vi.fn();
    expect(listener?.({ type: 'queue.status', data: {} }, {}, sendResponse)).toBe(true);
    await vi.waitFor(() =>
      expect(sendResponse).toHaveBeenCalledWith({ ok: true, value: { failed: 0, inFlight: 0 } }),
    );
    expect(listener?.({ type: 'panel.open', data: {} }, {}, sendResponse)).toBeUndefined();
  });

  it('ignores foreign messages', async () => {
    onMessages({ 'queue.status': async () => ({ failed: 0, inFlight: 0 }) });
    await expect(fakeBrowser.runtime.sendMessage({ hello: 'world' })).resolves.toBeUndefined();
  });
});
