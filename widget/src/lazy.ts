// Code loaded after the first render (ES build: chunks next to complaint-form.js). The IIFE
// build swaps this file for lazy.iife.ts (widget/vite.config.ts).
import type { deadlineFor } from '@shared/sla/deadline-for';
import type * as Flow from './flow';
import type * as FormConfig from './form-config';
import type * as OutboxModule from './outbox';
import type * as Validate from './validate';
import type * as View from './view';

const cache = new Map<string, Promise<unknown>>();

/** Imports once; a failed download (offline) is forgotten so the next call tries again. */
function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

let view: typeof View | undefined;

/**
 * Preact and the form's components: requested in a task after the first paint (the element
 * shows prebuilt markup first, first-paint.ts), then they take the form over.
 */
export const loadView = (): Promise<typeof View> =>
  once('view', () => import('./view').then((m) => (view = m)));

/** The view module, if it has arrived. */
export const viewNow = (): typeof View | undefined => view;

/** The shared schema (zod) and validation messages: requested after the first render, used from the first blur. */
export const loadValidator = (): Promise<typeof Validate> =>
  once('validate', () => import('./validate'));

/** Read-back, sending and the success view: requested after the first render, used after "Review". */
export const loadFlow = (): Promise<typeof Flow> => once('flow', () => import('./flow'));

/**
 * The outbox code (Dexie). Fetched as soon as the visitor starts typing, because once offline it
 * could no longer be downloaded; IndexedDB itself is opened only when a send fails.
 */
export const loadOutboxModule = (_nonce?: string): Promise<typeof OutboxModule> =>
  once('outbox', () => import('./outbox'));

/** The shared SLA rule, only for a server answer that lacks `replyDueAt`. */
export const loadDeadlineFor = (): Promise<typeof deadlineFor | undefined> =>
  once('sla', () => import('@shared/sla/deadline-for').then((m) => m.deadlineFor));

/** The server's categories for a form with an `endpoint`, asked right after the first render. */
export const loadFormConfig = (): Promise<typeof FormConfig> =>
  once('form-config', () => import('./form-config'));
