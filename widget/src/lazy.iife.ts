// The IIFE build (one classic script, no chunks) inlines the schema and the flow, and loads the
// outbox as a second classic script next to itself. The SLA fallback is left out (13 KB for a
// case the server contract rules out: it sends `replyDueAt`).
import type { deadlineFor } from '@shared/sla/deadline-for';
import * as flow from './flow';
import * as formConfig from './form-config';
import type * as OutboxModule from './outbox';
import * as validate from './validate';
import * as view from './view';

const base = (document.currentScript as HTMLScriptElement | null)?.src || location.href;
let outbox: Promise<typeof OutboxModule> | undefined;

// No first paint from markup here: the form renders with the script that defines it.
export const loadView = () => Promise.resolve(view);
export const viewNow = () => view;
export const loadValidator = () => Promise.resolve(validate);
export const loadFlow = () => Promise.resolve(flow);
export const loadFormConfig = () => Promise.resolve(formConfig);
export const loadDeadlineFor = (): Promise<typeof deadlineFor | undefined> =>
  Promise.resolve(undefined);

export function loadOutboxModule(nonce = ''): Promise<typeof OutboxModule> {
  outbox ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL('complaint-form.outbox.js', base).href;
    if (nonce) script.nonce = nonce;
    script.onload = () =>
      resolve((globalThis as { ComplaintFormOutbox?: typeof OutboxModule }).ComplaintFormOutbox!);
    script.onerror = () => {
      outbox = undefined;
      script.remove();
      reject(new Error('outbox script failed to load'));
    };
    document.head.append(script);
  });
  return outbox;
}
