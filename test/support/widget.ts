// Helpers for the happy-dom unit tests of the element.
import { vi } from 'vitest';
import type { ComplaintFormElementType } from '../../widget/src/index';
import { loadView } from '../../widget/src/lazy';

export type El = ComplaintFormElementType;

export async function mount(attrs: Record<string, string> = {}): Promise<El> {
  const el = document.createElement('complaint-form') as El;
  for (const [name, value] of Object.entries({ endpoint: '/api/v1/intake', ...attrs }))
    el.setAttribute(name, value);
  document.body.append(el);
  await vi.waitFor(() => {
    if (!el.shadowRoot?.querySelector('h2')) throw new Error('not rendered');
  });
  // The first paint is prebuilt markup; Preact takes it over once its chunk is here, a task later.
  await loadView();
  await settle();
  return el;
}

export function $<T extends Element = HTMLElement>(el: El, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in the widget`);
  return found;
}

export const has = (el: El, selector: string) => el.shadowRoot!.querySelector(selector) !== null;
export const text = (el: El) => el.shadowRoot!.textContent ?? '';

/** Types into a field the way a person does: input events, then leaving the field. */
export async function type(el: El, id: string, value: string, blur = true): Promise<void> {
  const input = $<HTMLInputElement>(el, `#${id}`);
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  if (blur) input.dispatchEvent(new FocusEvent('blur'));
  await settle();
}

/** Lets lazy chunks, validation and re-renders finish. */
export async function settle(ms = 20): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

export async function click(el: El, selector: string): Promise<void> {
  $(el, selector).click();
  await settle();
}

/** Fills the required fields with valid values. */
export async function fillValid(el: El): Promise<void> {
  await type(el, 'name', '王');
  await type(el, 'phone', '138 1234 5678');
  await type(el, 'description', '收到的洗衣机外壳有明显凹陷，而且漏水。');
  await type(el, 'demand', '换货');
}

/** Clicks "Review" and waits for the read-back (or the error summary). */
export async function review(el: El): Promise<void> {
  $<HTMLFormElement>(el, 'form').requestSubmit();
  await vi.waitFor(() => {
    if (!has(el, '[part="review"]') && !has(el, '.summary')) throw new Error('still on the form');
  });
}

export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}
