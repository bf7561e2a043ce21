import { browser } from 'wxt/browser';
import type { Envelope, MessageType, Reply, Req, Res } from './protocol';

export type { MessageType, ProtocolMap, Req, Res } from './protocol';

type Sender = { tab?: { id?: number; url?: string; windowId?: number }; url?: string; id?: string };
export type Handlers = {
  [K in MessageType]?: (data: Req<K>, sender: Sender) => Res<K> | Promise<Res<K>>;
};

export class MessageError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

function isEnvelope(msg: unknown): msg is Envelope {
  return typeof msg === 'object' && msg !== null && typeof (msg as Envelope).type === 'string';
}

/** Sends a typed message to the extension's other contexts; rejects with the handler's reason. */
export async function sendMessage<K extends MessageType>(type: K, data: Req<K>): Promise<Res<K>> {
  const reply = (await browser.runtime.sendMessage({ type, data } satisfies Envelope<K>)) as
    | Reply<Res<K>>
    | undefined;
  if (!reply) throw new MessageError('ext.error.noReceiver');
  if (!reply.ok) throw new MessageError(reply.reason);
  return reply.value;
}

/**
 * Listens for the messages this context handles. Unknown types are left to other listeners
 * (returning undefined), so the background and an offscreen document can share the channel.
 */
export function onMessages(handlers: Handlers): () => void {
  const listener = (msg: unknown, sender: Sender, sendResponse?: (r: unknown) => void) => {
    if (!isEnvelope(msg)) return undefined;
    const handler = handlers[msg.type] as ((d: unknown, s: Sender) => unknown) | undefined;
    if (!handler) return undefined;
    const reply: Promise<Reply<unknown>> = Promise.resolve()
      .then(() => handler(msg.data, sender))
      .then(
        (value) => ({ ok: true as const, value }),
        (err: unknown) => ({
          ok: false as const,
          reason: err instanceof MessageError ? err.reason : String((err as Error)?.message ?? err),
        }),
      );
    // Chrome and Firefox keep the channel open with `return true`; the fake browser reads the Promise.
    if (typeof sendResponse === 'function') {
      void reply.then(sendResponse);
      return true;
    }
    return reply;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
